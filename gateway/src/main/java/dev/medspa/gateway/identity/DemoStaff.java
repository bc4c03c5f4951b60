package dev.medspa.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.medspa.support.security.StaffRole;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the demo staff of the local platform once, when no account exists yet: a front
 * desk member per demo location, a practitioner of Walnut Creek (who, with managers of
 * the location, reads clients' health answers there), a manager and an owner, each with a
 * password generated here and written (with the e-mails) to a file only the local user
 * can read, for the launcher to print, before the gateway answers its health check.
 * Nothing is created unless that file is configured.
 */
@Component
class DemoStaff implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

	private final StaffAccounts accounts;

	private final PasswordEncoder passwords;

	private final IdentityProperties properties;

	DemoStaff(StaffAccounts accounts, PasswordEncoder passwords, IdentityProperties properties) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Path file = this.properties.demoStaffFile();
		if (file == null || file.toString().isBlank() || this.accounts.any()) {
			return;
		}
		record Demo(String email, String name, StaffRole role, Set<String> locations) {
		}
		List<Demo> demo = List.of(
				new Demo("frontdesk.walnutcreek@clinic.example", "Jordan Walnut Creek Desk", StaffRole.FRONT_DESK,
						Set.of("walnut-creek")),
				new Demo("frontdesk.sanramon@clinic.example", "Riley San Ramon Desk", StaffRole.FRONT_DESK,
						Set.of("san-ramon")),
				new Demo("frontdesk.scottsdale@clinic.example", "Casey Scottsdale Desk", StaffRole.FRONT_DESK,
						Set.of("scottsdale")),
				new Demo("practitioner.walnutcreek@clinic.example", "Daniel Ortiz", StaffRole.PRACTITIONER,
						Set.of("walnut-creek")),
				new Demo("manager@clinic.example", "Morgan Manager", StaffRole.MANAGER,
						Set.of("walnut-creek", "san-ramon")),
				new Demo("owner@clinic.example", "Avery Owner", StaffRole.OWNER, Set.of()));
		List<String> lines = new ArrayList<>();
		lines.add("# Demo staff of this installation, created once with generated passwords");
		for (Demo member : demo) {
			String password = Passwords.generate();
			this.accounts.create(new StaffAccount(member.email(), member.name(), this.passwords.encode(password),
					Set.of(member.role()), member.locations(), true, 0, null));
			lines.add("%-12s %-40s %s".formatted(member.role().label(), member.email(), password));
		}
		write(file, lines);
		log.info("Created {} demo staff accounts; their sign-ins are in {}", demo.size(), file);
	}

	private static void write(Path file, List<String> lines) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, lines, StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file,
						java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the demo staff file " + file, ex);
		}
	}

}

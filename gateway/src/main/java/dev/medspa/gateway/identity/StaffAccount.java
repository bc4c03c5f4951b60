package dev.medspa.gateway.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.medspa.support.security.StaffRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of staff who signs in: keyed by their normalised e-mail, with a hashed
 * password (Spring Security's delegating encoder, so the algorithm can change), roles and
 * the locations they work at.
 *
 * @param failedSignIns wrong passwords in a row since the last success
 * @param lockedUntil no sign-in until then, after too many wrong passwords
 */
@Document("staff_accounts")
public record StaffAccount(@Id String email, String displayName, String passwordHash, Set<StaffRole> roles,
		Set<String> locations, boolean enabled, int failedSignIns, @Nullable Instant lockedUntil) {

	public StaffAccount {
		email = normalise(email);
		roles = Set.copyOf(roles);
		locations = Set.copyOf(locations);
	}

	public static String normalise(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public boolean has(StaffRole role) {
		return this.roles.contains(role);
	}

	/** The widest of the member's roles, for display. */
	public StaffRole mainRole() {
		return this.roles.stream().max(Enum::compareTo).orElse(StaffRole.FRONT_DESK);
	}

}

package dev.medspa.gateway.pages;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.medspa.gateway.audit.GatewayAudit;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.support.security.StaffRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's own password, and the owners' page of staff accounts: create one with roles
 * and locations and a first password, change roles and locations, disable.
 */
@Controller
class AccountPages {

	static final int MIN_PASSWORD_LENGTH = 12;

	private final StaffAccounts accounts;

	private final PasswordEncoder passwords;

	private final Catalog catalog;

	private final GatewayAudit audit;

	AccountPages(StaffAccounts accounts, PasswordEncoder passwords, Catalog catalog, GatewayAudit audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.passwords = passwords;
		this.catalog = catalog;
	}

	@GetMapping("/staff/account/password")
	String passwordForm() {
		return "staff/password";
	}

	@PostMapping("/staff/account/password")
	String changePassword(Authentication member, @RequestParam String current, @RequestParam String replacement,
			@RequestParam String repeated, Model model) {
		StaffAccount account = this.accounts.byEmail(member.getName()).orElseThrow();
		Map<String, String> errors = new LinkedHashMap<>();
		if (!this.passwords.matches(current, account.passwordHash())) {
			errors.put("current", "This is not your current password.");
		}
		if (replacement.length() < MIN_PASSWORD_LENGTH) {
			errors.put("replacement", "Use at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		else if (!replacement.equals(repeated)) {
			errors.put("repeated", "The two new passwords differ.");
		}
		if (!errors.isEmpty()) {
			this.audit.record(member, "change own password", "/staff/account/password", 400, null);
			model.addAttribute("errors", errors);
			return "staff/password";
		}
		this.accounts.setPasswordHash(account.email(), this.passwords.encode(replacement));
		this.audit.record(member, "change own password", "/staff/account/password", 200, null);
		model.addAttribute("done", true);
		return "staff/password";
	}

	@GetMapping("/staff/admin/staff")
	String staff(Model model) {
		model.addAttribute("accounts", this.accounts.all());
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("locations", this.catalog.locations());
		return "staff/admin-staff";
	}

	@PostMapping("/staff/admin/staff")
	String create(@RequestParam String email, @RequestParam String displayName, @RequestParam StaffRole role,
			@RequestParam(required = false) @Nullable List<String> locations, Authentication member,
			RedirectAttributes redirect) {
		String trimmed = email.trim();
		if (!trimmed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || displayName.isBlank() || displayName.length() > 100) {
			redirect.addFlashAttribute("problem", "Give a valid e-mail and a name of at most 100 characters.");
			return "redirect:/staff/admin/staff";
		}
		String password = dev.medspa.gateway.identity.Passwords.generate();
		boolean created = this.accounts.create(new StaffAccount(trimmed, displayName.trim(),
				this.passwords.encode(password), Set.of(role), locationSet(locations), true, 0, null));
		this.audit.record(member, "create staff account", "/staff/admin/staff/" + trimmed, created ? 201 : 409,
				role + " at " + locationSet(locations));
		if (created) {
			redirect.addFlashAttribute("done", "Created. Their first password, shown once: " + password
					+ " (they should change it after signing in).");
		}
		else {
			redirect.addFlashAttribute("problem", "An account with this e-mail exists already.");
		}
		return "redirect:/staff/admin/staff";
	}

	@PostMapping("/staff/admin/staff/{email}")
	String update(@PathVariable String email, @RequestParam StaffRole role,
			@RequestParam(required = false) @Nullable List<String> locations,
			@RequestParam(defaultValue = "false") boolean enabled, Authentication member, RedirectAttributes redirect) {
		StaffAccount account = this.accounts.byEmail(email)
			.orElseThrow(() -> new PageNotFound("No staff account has this e-mail."));
		if (account.email().equals(StaffAccount.normalise(member.getName())) && (!enabled || role != StaffRole.OWNER)) {
			redirect.addFlashAttribute("problem", "You cannot disable yourself or take away your own owner role.");
			return "redirect:/staff/admin/staff";
		}
		this.accounts.setAccess(account.email(), account.displayName(), EnumSet.of(role), locationSet(locations),
				enabled);
		this.audit.record(member, "change staff account", "/staff/admin/staff/" + account.email(), 200,
				role + " at " + locationSet(locations) + (enabled ? "" : ", disabled"));
		redirect.addFlashAttribute("done", "Saved " + account.displayName() + ".");
		return "redirect:/staff/admin/staff";
	}

	private static Set<String> locationSet(@Nullable List<String> locations) {
		return locations == null ? Set.of() : new TreeSet<>(locations);
	}

}

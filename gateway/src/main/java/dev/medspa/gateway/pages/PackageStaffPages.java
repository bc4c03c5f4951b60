package dev.medspa.gateway.pages;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A client's prepaid packages as the front desk looks them up while the client waits (by
 * the e-mail they bought with): each package's balance and the bookings its sessions went
 * to. Any signed-in member may look; a package is not tied to a location.
 */
@Controller
class PackageStaffPages {

	private final Services services;

	private final Catalog catalog;

	private final StaffAccounts accounts;

	PackageStaffPages(Services services, Catalog catalog, StaffAccounts accounts) {
		this.services = services;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@GetMapping("/staff/packages")
	String lookUp(@RequestParam(required = false) @Nullable String email, Authentication member, Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		model.addAttribute("email", (email == null) ? "" : email.strip());
		if (email == null) {
			return "staff/packages";
		}
		if (email.isBlank()) {
			model.addAttribute("emailError", "Give the client's e-mail address.");
			return "staff/packages";
		}
		try {
			String zone = zone(account);
			List<PackageViews.Balance> packages = this.services.staffPackages(email.strip())
				.stream()
				.map(view -> PackageViews.Balance.of(view, zone))
				.toList();
			model.addAttribute("packages", packages);
		}
		catch (ServiceProblem problem) {
			Map<String, String> fieldErrors = problem.fieldErrors();
			if (fieldErrors.containsKey("email")) {
				model.addAttribute("emailError", "E-mail " + fieldErrors.get("email"));
			}
			else {
				model.addAttribute("problem", Problems.summary(problem));
			}
		}
		return "staff/packages";
	}

	/**
	 * The zone times are shown in: that of the member's first location (each time names
	 * its zone).
	 */
	private String zone(StaffAccount account) {
		return StaffAccess.visibleLocations(this.catalog, account)
			.stream()
			.map(LocationState::zoneId)
			.findFirst()
			.orElse("UTC");
	}

}

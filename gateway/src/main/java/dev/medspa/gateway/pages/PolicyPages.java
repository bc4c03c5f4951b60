package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A treatment's cancellation policy for the staff: the chain-wide one, which every staff
 * member reads and owners change, and a location's own, which replaces it there and which
 * the location's managers and owners read and change. Each change is a new version in
 * booking-service; bookings keep the version they were accepted under. The form is in
 * money and hours; booking-service is sent minor units and an ISO-8601 window.
 */
@Controller
class PolicyPages {

	/** The largest amount booking-service takes, in minor units. */
	private static final long LARGEST_AMOUNT = 10_000_000;

	private static final Set<String> FIELDS = Set.of("deposit", "cardOnFile", "lateCancelWindow", "lateCancelFee",
			"noShowFee");

	private final Services services;

	private final Catalog catalog;

	private final StaffAccounts accounts;

	PolicyPages(Services services, Catalog catalog, StaffAccounts accounts) {
		this.services = services;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@GetMapping("/staff/policies/{treatment}")
	String chainWide(@PathVariable String treatment, Authentication member, Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		TreatmentState found = treatment(treatment);
		Optional<Map<String, Object>> policy = this.services.cancellationPolicy(treatment);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PolicyForm.of(policy, found.currency()));
		}
		show(model, account, found, null, policy, Optional.empty());
		return "staff/policy";
	}

	@PostMapping("/staff/policies/{treatment}")
	String saveChainWide(@PathVariable String treatment, PolicyForm form, Authentication member, Model model,
			RedirectAttributes redirect) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		if (!account.has(StaffRole.OWNER)) {
			throw new AccessDeniedException("Only owners change a treatment's chain-wide cancellation policy");
		}
		TreatmentState found = treatment(treatment);
		if (save(null, found, form, model, redirect)) {
			return "redirect:/staff/policies/" + treatment;
		}
		show(model, account, found, null, this.services.cancellationPolicy(treatment), Optional.empty());
		return "staff/policy";
	}

	@GetMapping("/staff/catalog/locations/{location}/policies/{treatment}")
	String atLocation(@PathVariable String location, @PathVariable String treatment, Authentication member,
			Model model) {
		StaffAccount account = manager(location, member);
		LocationState place = location(location);
		TreatmentState found = treatment(treatment);
		Optional<Map<String, Object>> own = this.services.locationCancellationPolicy(location, treatment);
		Optional<Map<String, Object>> chainWide = readable(treatment);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PolicyForm.of(own.isPresent() ? own : chainWide, found.currency()));
		}
		show(model, account, found, place, own, chainWide);
		return "staff/policy";
	}

	@PostMapping("/staff/catalog/locations/{location}/policies/{treatment}")
	String saveAtLocation(@PathVariable String location, @PathVariable String treatment, PolicyForm form,
			Authentication member, Model model, RedirectAttributes redirect) {
		StaffAccount account = manager(location, member);
		LocationState place = location(location);
		TreatmentState found = treatment(treatment);
		if (save(location, found, form, model, redirect)) {
			return "redirect:/staff/catalog/locations/" + location + "/policies/" + treatment;
		}
		show(model, account, found, place, this.services.locationCancellationPolicy(location, treatment),
				readable(treatment));
		return "staff/policy";
	}

	/**
	 * Sends the form to booking-service; true when it took it, else the form and the
	 * reasons, field by field, are on the model.
	 */
	private boolean save(@Nullable String location, TreatmentState treatment, PolicyForm form, Model model,
			RedirectAttributes redirect) {
		String currency = treatment.currency();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> request = form.request(currency, errors);
		String problem = "Please check the fields marked below.";
		if (errors.isEmpty()) {
			try {
				this.services.changeCancellationPolicy(location, treatment.id().value(), request);
				redirect.addFlashAttribute("done", "Saved as a new version. Bookings made from now on are under it; "
						+ "bookings made before keep the terms their clients accepted.");
				return true;
			}
			catch (ServiceProblem refused) {
				if (refused.status() == 401 || refused.status() == 403) {
					throw new AccessDeniedException("booking-service refused the change");
				}
				List<String> others = new ArrayList<>();
				refused.fieldErrors().forEach((field, reason) -> {
					if (FIELDS.contains(field)) {
						errors.put(field, plain(field, reason, currency));
					}
					else {
						others.add(field + " " + reason);
					}
				});
				if (errors.isEmpty() && others.isEmpty()) {
					problem = Problems.explain(refused).message();
				}
				else if (!others.isEmpty()) {
					problem = "This could not be saved: " + String.join("; ", others) + ".";
				}
			}
		}
		model.addAttribute("problem", problem);
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("form", form);
		return false;
	}

	private void show(Model model, StaffAccount account, TreatmentState treatment, @Nullable LocationState location,
			Optional<Map<String, Object>> policy, Optional<Map<String, Object>> chainWide) {
		String zone = location != null ? location.zoneId() : "UTC";
		model.addAttribute("treatment", treatment);
		model.addAttribute("location", location);
		model.addAttribute("editable", location == null ? account.has(StaffRole.OWNER) : true);
		model.addAttribute("policy", policy.map(found -> view(found, zone)).orElse(null));
		model.addAttribute("chainWide", chainWide.map(found -> view(found, zone)).orElse(null));
		model.addAttribute("currency", treatment.currency());
		model.addAttribute("windows", List.of("24", "48", "72"));
		if (location == null) {
			List<LocationState> own = StaffAccess.visibleLocations(this.catalog, account)
				.stream()
				.filter(place -> account.has(StaffRole.OWNER) || account.has(StaffRole.MANAGER))
				.toList();
			model.addAttribute("locations", own);
		}
		else {
			model.addAttribute("locations", List.of());
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
	}

	/** The chain-wide policy for the location's page, when there is one to read. */
	private Optional<Map<String, Object>> readable(String treatment) {
		try {
			return this.services.cancellationPolicy(treatment);
		}
		catch (ServiceProblem unreadable) {
			return Optional.empty();
		}
	}

	private TreatmentState treatment(String id) {
		return this.catalog.treatment(id).orElseThrow(() -> new PageNotFound("No treatment has this id."));
	}

	private LocationState location(String id) {
		return this.catalog.location(id).orElseThrow(() -> new PageNotFound("No location has this id."));
	}

	/** The member, if they manage the location (or own the chain). */
	private StaffAccount manager(String location, Authentication member) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		if (!StaffAccess.worksAt(account, location)
				|| !(account.has(StaffRole.MANAGER) || account.has(StaffRole.OWNER))) {
			throw new AccessDeniedException("Only managers of this location and owners keep its policies");
		}
		return account;
	}

	/** A policy with its versions, newest first, in words. */
	static PolicyView view(Map<String, Object> policy, String zone) {
		List<VersionView> versions = new ArrayList<>();
		for (Map<String, Object> version : Forms.list(policy.get("versions"))) {
			versions.add(0, new VersionView(number(version.get("number")), lines(Forms.map(version.get("terms"))),
					when(version.get("createdAt"), zone), String.valueOf(version.getOrDefault("by", ""))));
		}
		int current = number(policy.get("current"));
		VersionView inForce = versions.stream()
			.filter(version -> version.number() == current)
			.findFirst()
			.orElse(versions.isEmpty() ? null : versions.get(0));
		return new PolicyView(current, inForce, versions);
	}

	/** The terms as staff read them, one sentence each. */
	static List<String> lines(Map<String, Object> terms) {
		String currency = String.valueOf(terms.getOrDefault("currency", "USD"));
		long deposit = amount(terms.get("deposit"));
		long lateCancelFee = amount(terms.get("lateCancelFee"));
		long noShowFee = amount(terms.get("noShowFee"));
		Duration window = window(terms.get("lateCancelWindow"));
		List<String> lines = new ArrayList<>();
		lines.add(deposit > 0 ? "Deposit " + CancellationTerms.money(deposit, currency) + ", charged at booking."
				: "No deposit.");
		lines.add(Boolean.TRUE.equals(terms.get("cardOnFile")) ? "A card is kept on file for the fees."
				: "No card is kept on file.");
		String span = window == null ? "unknown" : CancellationTerms.span(window);
		lines.add(lateCancelFee > 0 ? "Late-cancellation fee " + CancellationTerms.money(lateCancelFee, currency)
				+ " within " + span + " of the start." : "No late-cancellation fee (window " + span + ").");
		lines.add(noShowFee > 0 ? "No-show fee " + CancellationTerms.money(noShowFee, currency) + "."
				: "No no-show fee.");
		return List.copyOf(lines);
	}

	/** A refusal's reason for one field, in plain words. */
	private static String plain(String field, String reason, String currency) {
		return switch (field) {
			case "deposit", "lateCancelFee", "noShowFee" -> reason.contains("minor units")
					? "Please enter an amount from 0 to " + CancellationTerms.money(LARGEST_AMOUNT, currency) + "."
					: "Please check this amount: it " + reason + ".";
			case "lateCancelWindow" -> "Please enter a window from 0 to 720 hours (30 days).";
			case "cardOnFile" -> reason.startsWith("must be true")
					? "Please tick this: with fees and no deposit, the fees are charged to the card kept on file."
					: "Please check this: it " + reason + ".";
			default -> reason;
		};
	}

	private static int number(@Nullable Object value) {
		return value instanceof Number number ? number.intValue() : 0;
	}

	private static long amount(@Nullable Object value) {
		return value instanceof Number number ? number.longValue() : 0;
	}

	private static @Nullable Duration window(@Nullable Object value) {
		if (value instanceof Number seconds) {
			return Duration.ofMillis(Math.round(seconds.doubleValue() * 1000));
		}
		try {
			return value == null ? null : Duration.parse(String.valueOf(value));
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
	}

	private static String when(@Nullable Object value, String zone) {
		if (value == null) {
			return "";
		}
		try {
			return Times.full(Instant.parse(String.valueOf(value)), zone);
		}
		catch (DateTimeParseException ex) {
			return String.valueOf(value);
		}
	}

	private static int digits(String currency) {
		try {
			return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException unknown) {
			return 2;
		}
	}

	/**
	 * @param current the version number in force
	 * @param inForce that version, or null when none could be read
	 * @param versions every version, newest first
	 */
	record PolicyView(int current, @Nullable VersionView inForce, List<VersionView> versions) {

	}

	record VersionView(int number, List<String> lines, String created, String by) {

	}

	/** The form, in money and hours as typed. */
	public static class PolicyForm {

		private String deposit = "0.00";

		private boolean cardOnFile;

		private String lateCancelHours = "48";

		private String lateCancelFee = "0.00";

		private String noShowFee = "0.00";

		/** The form filled from a policy's version in force, or blank. */
		static PolicyForm of(Optional<Map<String, Object>> policy, String currency) {
			PolicyForm form = new PolicyForm();
			int digits = digits(currency);
			form.deposit = BigDecimal.valueOf(0, digits).toPlainString();
			form.lateCancelFee = form.deposit;
			form.noShowFee = form.deposit;
			if (policy.isEmpty()) {
				return form;
			}
			int current = number(policy.get().get("current"));
			Map<String, Object> terms = Map.of();
			for (Map<String, Object> version : Forms.list(policy.get().get("versions"))) {
				if (terms.isEmpty() || number(version.get("number")) == current) {
					terms = Forms.map(version.get("terms"));
				}
			}
			if (terms.isEmpty()) {
				return form;
			}
			form.deposit = BigDecimal.valueOf(amount(terms.get("deposit")), digits).toPlainString();
			form.cardOnFile = Boolean.TRUE.equals(terms.get("cardOnFile"));
			form.lateCancelFee = BigDecimal.valueOf(amount(terms.get("lateCancelFee")), digits).toPlainString();
			form.noShowFee = BigDecimal.valueOf(amount(terms.get("noShowFee")), digits).toPlainString();
			Duration window = window(terms.get("lateCancelWindow"));
			if (window != null) {
				form.lateCancelHours = BigDecimal.valueOf(window.toMinutes())
					.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
					.stripTrailingZeros()
					.toPlainString();
			}
			return form;
		}

		/**
		 * The request booking-service takes: amounts in minor units of {@code currency},
		 * the window as an ISO-8601 duration; what cannot be read goes to {@code errors}.
		 */
		Map<String, Object> request(String currency, Map<String, String> errors) {
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("currency", currency);
			request.put("deposit", minorUnits("deposit", this.deposit, currency, errors));
			request.put("cardOnFile", this.cardOnFile);
			request.put("lateCancelWindow", isoWindow(this.lateCancelHours, errors));
			request.put("lateCancelFee", minorUnits("lateCancelFee", this.lateCancelFee, currency, errors));
			request.put("noShowFee", minorUnits("noShowFee", this.noShowFee, currency, errors));
			return request;
		}

		private static long minorUnits(String field, @Nullable String text, String currency,
				Map<String, String> errors) {
			String typed = text == null ? "" : text.trim().replace(",", "");
			if (typed.startsWith("$")) {
				typed = typed.substring(1).trim();
			}
			if (typed.isEmpty()) {
				return 0;
			}
			int digits = digits(currency);
			try {
				BigDecimal money = new BigDecimal(typed);
				if (money.signum() < 0) {
					errors.put(field, "Please enter an amount of 0 or more.");
					return 0;
				}
				if (money.stripTrailingZeros().scale() > digits) {
					errors.put(field, "Please enter at most " + digits + " digits after the decimal point.");
					return 0;
				}
				long minor = money.movePointRight(digits).longValueExact();
				if (minor > LARGEST_AMOUNT) {
					errors.put(field, "Please enter an amount from 0 to "
							+ CancellationTerms.money(LARGEST_AMOUNT, currency) + ".");
					return 0;
				}
				return minor;
			}
			catch (NumberFormatException | ArithmeticException unreadable) {
				errors.put(field, "Please enter an amount such as 50.00.");
				return 0;
			}
		}

		private static String isoWindow(@Nullable String hours, Map<String, String> errors) {
			try {
				BigDecimal typed = new BigDecimal(hours == null ? "" : hours.trim());
				BigDecimal minutes = typed.multiply(BigDecimal.valueOf(60));
				if (typed.signum() < 0 || typed.compareTo(BigDecimal.valueOf(720)) > 0
						|| minutes.stripTrailingZeros().scale() > 0) {
					errors.put("lateCancelWindow", "Please enter a window from 0 to 720 hours (30 days).");
					return "PT0S";
				}
				return Duration.ofMinutes(minutes.longValueExact()).toString();
			}
			catch (NumberFormatException | ArithmeticException unreadable) {
				errors.put("lateCancelWindow", "Please enter the window in hours, such as 48.");
				return "PT0S";
			}
		}

		public String getDeposit() {
			return this.deposit;
		}

		public void setDeposit(String deposit) {
			this.deposit = deposit;
		}

		public boolean isCardOnFile() {
			return this.cardOnFile;
		}

		public void setCardOnFile(boolean cardOnFile) {
			this.cardOnFile = cardOnFile;
		}

		public String getLateCancelHours() {
			return this.lateCancelHours;
		}

		public void setLateCancelHours(String lateCancelHours) {
			this.lateCancelHours = lateCancelHours;
		}

		public String getLateCancelFee() {
			return this.lateCancelFee;
		}

		public void setLateCancelFee(String lateCancelFee) {
			this.lateCancelFee = lateCancelFee;
		}

		public String getNoShowFee() {
			return this.noShowFee;
		}

		public void setNoShowFee(String noShowFee) {
			this.noShowFee = noShowFee;
		}

	}

}

package dev.medspa.gateway.pages;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A location's waitlist as staff see it: who waits, in order, for what and when, and what
 * became of every offer they were sent; managers and owners choose how freed slots are
 * offered (to the first in line, or to several at once, the first to book winning) and
 * see how many freed times the waitlist refilled; any of the location's staff can offer a
 * time to one waiter by hand. booking-service decides who may see and change what from
 * the member's token.
 */
@Controller
class WaitlistStaffPages {

	private static final List<String> MODES = List.of("FIRST_IN_LINE", "SEVERAL_AT_ONCE");

	/** How many months of refill figures managers see. */
	private static final int REFILL_MONTHS = 6;

	private final Services services;

	private final Catalog catalog;

	private final StaffAccounts accounts;

	WaitlistStaffPages(Services services, Catalog catalog, StaffAccounts accounts) {
		this.services = services;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	/** The picker's answer, or the member's first location. */
	@GetMapping("/staff/waitlist")
	String choose(@RequestParam(required = false) @Nullable String location,
			@RequestParam(required = false) @Nullable String treatment, Authentication member, Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		List<LocationState> locations = StaffAccess.visibleLocations(this.catalog, account);
		String chosen = BookingPages.blankToNull(location);
		if (chosen == null && !locations.isEmpty()) {
			chosen = locations.get(0).id().value();
		}
		if (chosen == null) {
			model.addAttribute("locations", locations);
			return "staff/waitlist";
		}
		String filter = BookingPages.blankToNull(treatment);
		return "redirect:" + UriComponentsBuilder.fromPath("/staff/waitlist/{location}")
			.queryParamIfPresent("treatment", java.util.Optional.ofNullable(filter))
			.buildAndExpand(chosen)
			.encode()
			.toUriString();
	}

	@GetMapping("/staff/waitlist/{locationId}")
	String waitlist(@PathVariable String locationId, @RequestParam(required = false) @Nullable String treatment,
			Authentication member, Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		if (!StaffAccess.worksAt(account, locationId)) {
			throw new AccessDeniedException("Not at this location");
		}
		LocationState location = this.catalog.location(locationId)
			.orElseThrow(() -> new PageNotFound("No location has this id."));
		String filter = BookingPages.blankToNull(treatment);
		Map<String, String> treatments = new LinkedHashMap<>();
		for (TreatmentState offered : this.catalog.treatments()) {
			if (location.treatments().contains(offered.id())) {
				treatments.put(offered.id().value(), offered.name());
			}
		}
		model.addAttribute("location", location);
		model.addAttribute("locations", StaffAccess.visibleLocations(this.catalog, account));
		model.addAttribute("treatments", treatments);
		model.addAttribute("treatment", filter);
		model.addAttribute("waiters", waiters(this.services.staffWaitlist(locationId, filter), location, treatments));
		model.addAttribute("settings", settings(locationId));
		boolean manages = account.has(StaffRole.MANAGER) || account.has(StaffRole.OWNER);
		model.addAttribute("canChangeSettings", manages);
		if (manages) {
			try {
				model.addAttribute("refills", refills(this.services.waitlistRefills(locationId, REFILL_MONTHS)));
			}
			catch (ServiceProblem problem) {
				model.addAttribute("refillsProblem", Problems.summary(problem));
			}
		}
		return "staff/waitlist";
	}

	/**
	 * Offers a time to one waiter by hand: booking-service holds it and sends the offer
	 * as it sends any; a time that is not free, or a place that is no longer waiting, is
	 * said.
	 * @param start the local date and time at the location ({@code yyyy-MM-ddTHH:mm})
	 * @param treatment the waitlist's filter, kept on the way back
	 */
	@PostMapping("/staff/waitlist/{locationId}/offers")
	String offer(@PathVariable String locationId, @RequestParam String entryId, @RequestParam String start,
			@RequestParam(required = false) @Nullable String client,
			@RequestParam(required = false) @Nullable String treatment, Authentication member,
			RedirectAttributes redirect) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		if (!StaffAccess.worksAt(account, locationId)) {
			throw new AccessDeniedException("Not at this location");
		}
		LocationState location = this.catalog.location(locationId)
			.orElseThrow(() -> new PageNotFound("No location has this id."));
		String back = UriComponentsBuilder.fromPath("/staff/waitlist/{location}")
			.queryParamIfPresent("treatment", java.util.Optional.ofNullable(BookingPages.blankToNull(treatment)))
			.buildAndExpand(locationId)
			.encode()
			.toUriString();
		OffsetDateTime at;
		try {
			at = java.time.LocalDateTime.parse(start.strip())
				.atZone(java.time.ZoneId.of(location.zoneId()))
				.toOffsetDateTime();
		}
		catch (java.time.format.DateTimeParseException ex) {
			redirect.addFlashAttribute("problem", "Give the time to offer as a day and a time.");
			return "redirect:" + back;
		}
		String whom = BookingPages.blankToNull(client) == null ? "" : " to " + client.strip();
		try {
			this.services.offerByHand(entryId, locationId, at);
			redirect.addFlashAttribute("done",
					"Offered " + Times.full(at, location.zoneId()) + whom + "; they have 30 minutes to book it.");
		}
		catch (ServiceProblem problem) {
			redirect.addFlashAttribute("problem", problem.status() == 409
					? "Not offered" + whom + ": " + problem.detail() : Problems.summary(problem));
		}
		return "redirect:" + back;
	}

	/**
	 * The months as rows of the table and the chart: the numbers, and each bar's width as
	 * a share of the busiest month.
	 */
	static List<Map<String, Object>> refills(List<Map<String, Object>> months) {
		int most = 0;
		for (Map<String, Object> month : months) {
			most = Math.max(most, Math.max(count(month.get("freed")), count(month.get("refilled"))));
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> month : months) {
			int freed = count(month.get("freed"));
			int refilled = count(month.get("refilled"));
			Object median = month.get("medianMinutesToRefill");
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("label", monthLabel(String.valueOf(month.get("month"))));
			row.put("freed", freed);
			row.put("refilled", refilled);
			row.put("share", freed == 0 ? "–" : Math.round(100.0 * refilled / freed) + "%");
			row.put("median", median instanceof Number minutes ? minutes.longValue() + " min" : "–");
			row.put("freedWidth", most == 0 ? 0 : Math.round(100.0 * freed / most));
			row.put("refilledWidth", most == 0 ? 0 : Math.round(100.0 * refilled / most));
			rows.add(row);
		}
		return rows;
	}

	private static int count(@Nullable Object value) {
		return value instanceof Number number ? number.intValue() : 0;
	}

	private static String monthLabel(String month) {
		try {
			return java.time.YearMonth.parse(month)
				.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.US));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return month;
		}
	}

	@PostMapping("/staff/waitlist/{locationId}/settings")
	String changeSettings(@PathVariable String locationId, @RequestParam String mode,
			@RequestParam(required = false) @Nullable String several, Authentication member,
			RedirectAttributes redirect) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		if (!StaffAccess.worksAt(account, locationId)
				|| !(account.has(StaffRole.MANAGER) || account.has(StaffRole.OWNER))) {
			throw new AccessDeniedException("Only managers and owners of this location change its waitlist");
		}
		if (!MODES.contains(mode)) {
			redirect.addFlashAttribute("problem", "Choose how freed times are offered.");
			return "redirect:/staff/waitlist/" + locationId;
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("mode", mode);
		try {
			settings.put("several", several == null || several.isBlank() ? 3 : Integer.parseInt(several.strip()));
			this.services.updateWaitlistSettings(locationId, settings);
			redirect.addFlashAttribute("done", "Saved: freed times are now offered "
					+ ("FIRST_IN_LINE".equals(mode) ? "to the first in line." : "to several at once."));
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("problem", "Give how many clients are offered a time at once as a number.");
		}
		catch (ServiceProblem problem) {
			redirect.addFlashAttribute("problem", Problems.summary(problem));
		}
		return "redirect:/staff/waitlist/" + locationId;
	}

	/** The location's settings; the first-in-line default while none are kept. */
	private Map<String, Object> settings(String locationId) {
		try {
			Map<String, Object> settings = this.services.waitlistSettings(locationId);
			if (settings.get("mode") != null) {
				return settings;
			}
		}
		catch (ServiceProblem problem) {
			if (problem.status() != 404) {
				throw problem;
			}
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("mode", "FIRST_IN_LINE");
		defaults.put("several", 3);
		return defaults;
	}

	/** The waiters as rows, in the service's order, with each offer's fate. */
	static List<Map<String, Object>> waiters(List<Map<String, Object>> entries, LocationState location,
			Map<String, String> treatmentNames) {
		String zone = location.zoneId();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> entry : entries) {
			Map<String, Object> client = Forms.map(entry.get("client"));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", entry.get("id"));
			row.put("client", client.get("name"));
			row.put("contact", String.valueOf(client.get("email"))
					+ (client.get("phone") == null ? "" : " · " + client.get("phone")));
			String treatmentId = String.valueOf(entry.get("treatmentId"));
			row.put("treatment", treatmentNames.getOrDefault(treatmentId, treatmentId));
			row.put("where", entry.get("locationId") == null ? "any location" : "here");
			row.put("window",
					Waitlists.dates(entry.get("from"), entry.get("to")) + " · "
							+ Waitlists.partsOfDay(entry.get("partsOfDay")) + " · "
							+ Waitlists.weekdays(entry.get("weekdays")));
			row.put("status", String.valueOf(entry.get("status")));
			row.put("joined", time(entry.get("joinedAt"), zone));
			List<Map<String, String>> offers = new ArrayList<>();
			for (Map<String, Object> offer : Forms.list(entry.get("offers"))) {
				Map<String, String> shown = new LinkedHashMap<>();
				shown.put("start", time(offer.get("start"), zone));
				shown.put("status", String.valueOf(offer.get("status")));
				shown.put("fate", Waitlists.offerFate(offer.get("status")));
				shown.put("offered", time(offer.get("offeredAt"), zone));
				shown.put("ended", time(offer.get("endedAt"), zone));
				offers.add(shown);
			}
			row.put("offers", offers);
			rows.add(row);
		}
		return rows;
	}

	private static String time(@Nullable Object value, String zone) {
		if (value == null) {
			return "";
		}
		try {
			return Times.full(OffsetDateTime.parse(String.valueOf(value)), zone);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return String.valueOf(value);
		}
	}

}

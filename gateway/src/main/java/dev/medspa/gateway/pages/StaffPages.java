package dev.medspa.gateway.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's day: their locations, a location's day sheet as a picture, a booking with
 * its actions and its delivery ledger. What a member sees follows their locations; the
 * services check the same from the member's token.
 */
@Controller
class StaffPages {

	private static final List<String> ACTIONS = List.of("check-in", "complete", "no-show", "cancel", "reschedule");

	private final Services services;

	private final Catalog catalog;

	private final StaffAccounts accounts;

	private final AccessTokens tokens;

	private final Clock clock;

	StaffPages(Services services, Catalog catalog, StaffAccounts accounts, AccessTokens tokens, Clock clock) {
		this.services = services;
		this.catalog = catalog;
		this.accounts = accounts;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/staff/sign-in")
	String signIn(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String expired,
			@RequestParam(required = false) @Nullable String changed, Model model) {
		model.addAttribute("error", error == null ? null : switch (error) {
			case "locked" -> "This account is locked for a while after too many wrong passwords. Try again later, "
					+ "or ask an owner to help.";
			case "disabled" -> "This account is disabled. Please ask an owner.";
			default -> "The e-mail or the password is not right.";
		});
		model.addAttribute("expired", expired != null);
		model.addAttribute("changed", changed != null);
		return "staff/sign-in";
	}

	@GetMapping("/staff/signed-out")
	String signedOut() {
		return "staff/signed-out";
	}

	@GetMapping("/staff")
	String home(Authentication member, Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("account", account);
		model.addAttribute("locations", StaffAccess.visibleLocations(this.catalog, account));
		model.addAttribute("today", today);
		model.addAttribute("isOwner", account.has(StaffRole.OWNER));
		model.addAttribute("canKeepCatalog", account.has(StaffRole.OWNER) || account.has(StaffRole.MANAGER));
		return "staff/home";
	}

	@GetMapping("/staff/day/{locationId}")
	String today(@PathVariable String locationId) {
		LocationState location = this.catalog.location(locationId)
			.orElseThrow(() -> new PageNotFound("No location has this id."));
		return "redirect:/staff/day/" + locationId + "/"
				+ LocalDate.now(this.clock.withZone(ZoneId.of(location.zoneId())));
	}

	@GetMapping("/staff/day/{locationId}/{date}")
	String daySheet(@PathVariable String locationId,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Authentication member,
			Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		if (!StaffAccess.worksAt(account, locationId)) {
			throw new AccessDeniedException("Not at this location");
		}
		Map<String, Object> sheet = this.services.daySheet(locationId, date);
		model.addAttribute("sheet", sheet);
		model.addAttribute("picture", DaySheetPicture.of(sheet, date, this.clock.instant()));
		model.addAttribute("date", date);
		model.addAttribute("dayLabel", Times.day(date));
		model.addAttribute("zoneName", Times.zoneName(date, String.valueOf(sheet.get("zoneId"))));
		model.addAttribute("locationId", locationId);
		model.addAttribute("previous", date.minusDays(1));
		model.addAttribute("next", date.plusDays(1));
		model.addAttribute("locations", StaffAccess.visibleLocations(this.catalog, account));
		model.addAttribute("intakeBadges", intakeBadges(sheet));
		return "staff/day-sheet";
	}

	/**
	 * The bookings a schedule or catalog change left without what they need, soonest
	 * first: staff move or cancel each, and it leaves the list.
	 */
	@GetMapping("/staff/attention")
	String attention(Model model) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Map<String, Object> item : this.services.attention()) {
			Map<String, Object> booking = Forms.map(item.get("booking"));
			String zone = String.valueOf(booking.get("zoneId"));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", booking.get("id"));
			row.put("when", Times.full(OffsetDateTime.parse(String.valueOf(booking.get("start"))), zone));
			row.put("where",
					this.catalog.location(String.valueOf(booking.get("locationId")))
						.map(location -> location.name())
						.orElse(String.valueOf(booking.get("locationId"))));
			row.put("treatment",
					this.catalog.treatment(String.valueOf(booking.get("treatmentId")))
						.map(treatment -> treatment.name())
						.orElse(String.valueOf(booking.get("treatmentId"))));
			row.put("client", Forms.map(booking.get("client")).get("name"));
			row.put("reason", item.get("reason"));
			items.add(row);
		}
		model.addAttribute("items", items);
		return "staff/attention";
	}

	@GetMapping("/staff/bookings/{id}")
	String booking(@PathVariable String id, @Nullable Authentication member, Model model) {
		Map<String, Object> booking = this.services.staffBooking(id);
		String zone = String.valueOf(booking.get("zoneId"));
		model.addAttribute("booking", booking);
		forms(booking, member, model);
		model.addAttribute("when", Times.full(OffsetDateTime.parse(String.valueOf(booking.get("start"))), zone));
		model.addAttribute("treatment",
				this.catalog.treatment(String.valueOf(booking.get("treatmentId")))
					.map(treatment -> treatment.name())
					.orElse(String.valueOf(booking.get("treatmentId"))));
		String practitionerId = String.valueOf(booking.get("practitionerId"));
		model.addAttribute("practitionerName",
				this.services.practitioners(null, String.valueOf(booking.get("locationId")))
					.stream()
					.filter(practitioner -> practitionerId.equals(practitioner.get("id")))
					.map(practitioner -> String.valueOf(practitioner.get("displayName")))
					.findFirst()
					.orElse(practitionerId));
		model.addAttribute("endedAtDefault",
				java.time.LocalDateTime.now(this.clock.withZone(ZoneId.of(zone))).withSecond(0).withNano(0));
		model.addAttribute("ledger", ledger(id, zone));
		model.addAttribute("payments", payments(id, zone));
		Optional<Map<String, Object>> paidWith = packageSession(id);
		model.addAttribute("bookingPackage", paidWith.map(PackageViews::bookingLine).orElse(null));
		model.addAttribute("sessionForfeited",
				paidWith.map(session -> "FORFEITED".equals(session.get("state"))).orElse(false));
		model.addAttribute("zoneId", zone);
		return "staff/booking";
	}

	@PostMapping("/staff/bookings/{id}/{action}")
	String act(@PathVariable String id, @PathVariable String action,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String endedAt,
			@RequestParam(required = false) @Nullable String newStart, RedirectAttributes redirect) {
		if (!ACTIONS.contains(action)) {
			throw new PageNotFound("There is no such action.");
		}
		Map<String, Object> request = null;
		try {
			if (action.equals("cancel")) {
				request = new LinkedHashMap<>();
				request.put("reason", reason == null ? "" : reason);
			}
			if (action.equals("reschedule")) {
				Map<String, Object> booking = this.services.staffBooking(id);
				ZoneId zone = ZoneId.of(String.valueOf(booking.get("zoneId")));
				request = new LinkedHashMap<>();
				request.put("start",
						java.time.LocalDateTime.parse(String.valueOf(newStart))
							.atZone(zone)
							.toOffsetDateTime()
							.toString());
			}
			if (action.equals("complete")) {
				request = new LinkedHashMap<>();
				if (endedAt != null && !endedAt.isBlank()) {
					Map<String, Object> booking = this.services.staffBooking(id);
					ZoneId zone = ZoneId.of(String.valueOf(booking.get("zoneId")));
					request.put("endedAt", java.time.LocalDateTime.parse(endedAt).atZone(zone).toInstant().toString());
				}
			}
			this.services.act(id, action, request);
			redirect.addFlashAttribute("done", switch (action) {
				case "check-in" -> "Checked in.";
				case "complete" -> "Completed. The aftercare messages are planned from the time it ended.";
				case "no-show" -> "Marked as a no-show; the time is free again.";
				case "reschedule" -> "Moved; the client gets an updated invite.";
				default -> "Cancelled; the client is told.";
			});
		}
		catch (ServiceProblem problem) {
			redirect.addFlashAttribute("problem", Problems.summary(problem));
		}
		catch (java.time.format.DateTimeParseException ex) {
			redirect.addFlashAttribute("problem", "Give a date and a time.");
		}
		return "redirect:/staff/bookings/" + id;
	}

	/**
	 * Waives the fee a late cancellation or a no-show cost: its charge, and the deposit
	 * kept towards it, go back to the client; the reason is kept in the audit log.
	 */
	@PostMapping("/staff/bookings/{id}/fee-waiver")
	String waiveFee(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		if (reason.isBlank()) {
			redirect.addFlashAttribute("problem", "Give a reason for waiving the fee.");
			return "redirect:/staff/bookings/" + id;
		}
		try {
			this.services.waiveFee(id, reason.strip());
			redirect.addFlashAttribute("done", "Fee waived; its charge and the deposit kept towards it are refunded.");
		}
		catch (ServiceProblem problem) {
			redirect.addFlashAttribute("problem", switch (problem.code()) {
				case "no-fee" -> "This booking has no fee to waive.";
				case "fee-in-flight" -> "The fee is still being charged. Please try again in a minute.";
				default -> Problems.summary(problem);
			});
		}
		return "redirect:/staff/bookings/" + id;
	}

	/**
	 * The booking's forms in words, when its treatment asks for any, and for the
	 * practitioners and managers of its location the way to the answers.
	 */
	private void forms(Map<String, Object> booking, @Nullable Authentication member, Model model) {
		String words = IntakeStatusWords.status(booking.get("intakeStatus"));
		model.addAttribute("intakeStatus", words == null ? null : String.valueOf(booking.get("intakeStatus")));
		model.addAttribute("intakeWords", words);
		String location = String.valueOf(booking.get("locationId"));
		boolean reads = words != null && member != null
				&& this.accounts.byEmail(member.getName())
					.filter(StaffAccount::enabled)
					.filter(account -> IntakeStatusWords.readsHealthAnswers(account, location))
					.isPresent();
		model.addAttribute("intakeHref",
				reads ? "/staff/locations/" + location + "/intake/" + booking.get("id") : null);
	}

	/**
	 * A short mark for each booking of the day not ready as far as forms go (forms due,
	 * answers to review), by booking id.
	 */
	private static Map<String, String> intakeBadges(Map<String, Object> sheet) {
		Map<String, String> badges = new LinkedHashMap<>();
		for (Map<String, Object> booking : Forms.list(sheet.get("bookings"))) {
			String badge = IntakeStatusWords.badge(booking.get("intakeStatus"));
			if (badge != null) {
				badges.put(String.valueOf(booking.get("id")), badge);
			}
		}
		return badges;
	}

	/** A short-lived access token for the staff API, for command-line use. */
	@GetMapping("/staff/api-token")
	String apiToken(Authentication member, Model model) {
		model.addAttribute("token", this.tokens.issueForApi(StaffAccess.account(this.accounts, member)));
		return "staff/api-token";
	}

	/**
	 * The booking's money, or null when it was booked under no policy, or the ledger
	 * cannot be read (then the page shows no payments section).
	 */
	private @Nullable BookingPayments payments(String bookingId, String zone) {
		try {
			return this.services.payments(bookingId).map(ledger -> BookingPayments.of(ledger, zone)).orElse(null);
		}
		catch (ServiceProblem | org.springframework.web.client.ResourceAccessException ex) {
			return null;
		}
	}

	/**
	 * The package session the booking is paid with; empty when it is not, or when that
	 * cannot be read just now.
	 */
	private Optional<Map<String, Object>> packageSession(String bookingId) {
		try {
			return this.services.bookingPackage(bookingId);
		}
		catch (ServiceProblem | org.springframework.web.client.ResourceAccessException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Gives back the package session a late cancellation or a missed visit forfeited; the
	 * reason is kept in the audit log and on the session.
	 */
	@PostMapping("/staff/bookings/{id}/package-session")
	String restoreSession(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		if (reason.isBlank()) {
			redirect.addFlashAttribute("problem", "Give a reason for giving the session back.");
			return "redirect:/staff/bookings/" + id;
		}
		try {
			this.services.restorePackageSession(id, reason.strip());
			redirect.addFlashAttribute("done", "The session is back in the client's package.");
		}
		catch (ServiceProblem problem) {
			redirect.addFlashAttribute("problem", problem.is("not-forfeited")
					? "The session is still in use; there is nothing to give back." : Problems.summary(problem));
		}
		return "redirect:/staff/bookings/" + id;
	}

	private List<Map<String, String>> ledger(String bookingId, String zone) {
		try {
			Map<String, Object> ledger = this.services.ledger(bookingId);
			List<Map<String, String>> messages = new ArrayList<>();
			if (ledger.get("messages") instanceof List<?> list) {
				for (Object entry : list) {
					if (entry instanceof Map<?, ?> message) {
						Map<String, String> line = new LinkedHashMap<>();
						line.put("step", String.valueOf(message.get("step"))
								+ (message.get("key") == null ? "" : " · " + message.get("key")));
						line.put("channel",
								message.get("channel") == null ? "" : String.valueOf(message.get("channel")));
						line.put("status", String.valueOf(message.get("status")));
						Object at = message.get("sentAt") != null ? message.get("sentAt") : message.get("dueAt");
						line.put("at", at == null ? "" : Times.full(OffsetDateTime.parse(String.valueOf(at)), zone));
						messages.add(line);
					}
				}
			}
			return messages;
		}
		catch (ServiceProblem problem) {
			return List.of();
		}
	}

}

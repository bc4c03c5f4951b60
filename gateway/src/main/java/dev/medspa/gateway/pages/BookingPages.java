package dev.medspa.gateway.pages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Booking from the browser, one step a page: treatment, location (or the earliest
 * anywhere), a calendar of days with free times, the times of a day, a hold, the client's
 * details, the confirmation. Every step works without JavaScript; htmx only spares
 * reloads.
 */
@Controller
class BookingPages {

	private static final String POLICY_NOT_ACCEPTED = "policy-not-accepted";

	/**
	 * The client asked to pay with a package session, and has none for this treatment.
	 */

	/** Refusals of a booking under a cancellation policy, shown next to their field. */
	private static final Set<String> POLICY_REFUSALS = Set.of(POLICY_NOT_ACCEPTED, "payment-method-required",
			"payment-declined", "payment-unavailable");

	private final Catalog catalog;

	private final Services services;

	private final PagesProperties properties;

	private final Clock clock;

	BookingPages(Catalog catalog, Services services, PagesProperties properties, Clock clock) {
		this.catalog = catalog;
		this.services = services;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/book")
	String chooseTreatment(Model model) {
		model.addAttribute("categories", this.catalog.byCategory());
		return "client/book-treatment";
	}

	@GetMapping("/book/{treatmentId}")
	String chooseLocation(@PathVariable String treatmentId, Model model) {
		TreatmentState treatment = treatment(treatmentId);
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> earliest = this.services.availability(treatmentId, "any", today, today.plusDays(13), null);
		model.addAttribute("treatment", treatment);
		model.addAttribute("locations", this.catalog.offering(treatment));
		model.addAttribute("earliest", Earliest.of(earliest));
		model.addAttribute("waitlistHref", "/waitlist/join?treatment=" + treatmentId);
		return "client/book-location";
	}

	/**
	 * The calendar of a location's days with free times. A rebooking link (the nudge for
	 * the next session of a series, the note after a missed visit) opens it with the
	 * practitioner of the booking it follows and the day from which to look; a
	 * practitioner who no longer gives the treatment there, or a day that cannot be read,
	 * lies in the past or beyond the horizon, is ignored: the plain calendar shows.
	 * @param from the first day to offer, {@code yyyy-MM-dd}
	 */
	@GetMapping("/book/{treatmentId}/{locationId}")
	String chooseDay(@PathVariable String treatmentId, @PathVariable String locationId,
			@RequestParam(required = false) @Nullable YearMonth month,
			@RequestParam(required = false) @Nullable String practitioner,
			@RequestParam(required = false) @Nullable String from, Model model) {
		TreatmentState treatment = treatment(treatmentId);
		LocationState location = location(locationId);
		List<Map<String, Object>> practitioners = this.services.practitioners(treatmentId, locationId);
		Practitioner chosen = Practitioner.among(practitioners, practitioner);
		LocalDate firstDay = firstDay(from, location.zoneId());
		model.addAttribute("treatment", treatment);
		model.addAttribute("location", location);
		model.addAttribute("practitioner", (chosen != null) ? chosen.id() : null);
		model.addAttribute("practitionerName", (chosen != null) ? chosen.name() : null);
		model.addAttribute("practitioners", practitioners);
		model.addAttribute("from", firstDay);
		model.addAttribute("fromLabel", (firstDay != null) ? Times.day(firstDay) : null);
		model.addAttribute("calendar", calendar(treatmentId, locationId, location.zoneId(), month,
				(chosen != null) ? chosen.id() : null, firstDay));
		model.addAttribute("base", "/book/" + treatmentId + "/" + locationId);
		model.addAttribute("waitlistHref", "/waitlist/join?treatment=" + treatmentId + "&location=" + locationId);
		return "client/book-day";
	}

	@GetMapping("/book/{treatmentId}/{locationId}/{date}")
	String chooseTime(@PathVariable String treatmentId, @PathVariable String locationId,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) @Nullable String practitioner,
			@RequestParam(required = false) @Nullable String from, Model model) {
		TreatmentState treatment = treatment(treatmentId);
		LocationState location = location(locationId);
		Practitioner chosen = (blankToNull(practitioner) == null) ? null
				: Practitioner.among(this.services.practitioners(treatmentId, locationId), practitioner);
		String practitionerId = (chosen != null) ? chosen.id() : null;
		LocalDate firstDay = firstDay(from, location.zoneId());
		model.addAttribute("treatment", treatment);
		model.addAttribute("location", location);
		model.addAttribute("date", date);
		model.addAttribute("dayLabel", Times.day(date));
		model.addAttribute("practitioner", practitionerId);
		model.addAttribute("practitionerName", (chosen != null) ? chosen.name() : null);
		model.addAttribute("times", times(treatmentId, location, date, practitionerId));
		model.addAttribute("zoneName", Times.zoneName(date, location.zoneId()));
		model.addAttribute("holdAction", "/book/hold");
		model.addAttribute("waitlistHref", "/waitlist/join?treatment=" + treatmentId + "&location=" + locationId
				+ "&from=" + date + "&to=" + date);
		model.addAttribute("back",
				"/book/" + treatmentId + "/" + locationId + "?month=" + YearMonth.from(date)
						+ ((practitionerId == null) ? "" : "&practitioner=" + practitionerId)
						+ ((firstDay == null) ? "" : "&from=" + firstDay));
		return "client/book-time";
	}

	/**
	 * The first day a rebooking link asks for, if it can be read and lies after today and
	 * within the horizon; null for the plain calendar from today.
	 */
	private @Nullable LocalDate firstDay(@Nullable String from, String zoneId) {
		if (blankToNull(from) == null) {
			return null;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(from.strip());
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneId.of(zoneId));
		boolean bookable = day.isAfter(today) && !day.isAfter(today.plus(this.properties.bookingHorizon()));
		return bookable ? day : null;
	}

	/** Takes a hold on the chosen time, so nobody else books it during checkout. */
	@PostMapping("/book/hold")
	String hold(@RequestParam String treatmentId, @RequestParam String locationId,
			@RequestParam("slot") String startText, @RequestParam(required = false) @Nullable String practitioner,
			HttpSession session, RedirectAttributes redirect) {
		OffsetDateTime start = Times.parseStart(startText);
		LocationState location = location(locationId);
		// one time held per client: choosing another lets the earlier one go at once
		for (Checkout earlier : Checkout.takeUnbooked(session)) {
			try {
				this.services.releaseHold(earlier.holdId());
			}
			catch (ServiceProblem | org.springframework.web.client.ResourceAccessException ex) {
				// it expires by itself
			}
		}
		try {
			Map<String, Object> hold = this.services.hold(treatmentId, locationId, start, blankToNull(practitioner));
			Checkout checkout = Checkout.started(String.valueOf(hold.get("holdId")), treatmentId, locationId,
					location.zoneId(), start, String.valueOf(hold.get("practitionerId")),
					Instant.parse(String.valueOf(hold.get("expiresAt"))));
			Checkout.save(session, checkout);
			return "redirect:/book/checkout/" + checkout.holdId();
		}
		catch (ServiceProblem problem) {
			redirect.addFlashAttribute("problem", Problems.explain(problem));
			LocalDate day = start.atZoneSameInstant(ZoneId.of(location.zoneId())).toLocalDate();
			String chosen = blankToNull(practitioner);
			return "redirect:/book/" + treatmentId + "/" + locationId + "/" + day + ((chosen == null) ? ""
					: "?practitioner=" + UriUtils.encodeQueryParam(chosen, StandardCharsets.UTF_8));
		}
	}

	@GetMapping("/book/checkout/{holdId}")
	String details(@PathVariable String holdId, HttpSession session, Model model) {
		Checkout checkout = checkout(session, holdId);
		if (checkout.bookingId() != null) {
			return "redirect:/book/confirmed/" + holdId;
		}
		describe(checkout, model);
		model.addAttribute("form", model.containsAttribute("form") ? model.getAttribute("form") : new ClientForm());
		return "client/book-details";
	}

	@PostMapping("/book/checkout/{holdId}")
	String book(@PathVariable String holdId, ClientForm form, HttpSession session, Model model) {
		Checkout checkout = checkout(session, holdId);
		if (checkout.bookingId() != null) {
			return "redirect:/book/confirmed/" + holdId;
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("holdId", checkout.holdId());
		request.put("treatmentId", checkout.treatmentId());
		request.put("locationId", checkout.locationId());
		request.put("start", checkout.start().toString());
		request.put("practitionerId", checkout.practitionerId());
		request.put("client", form.client());
		if (!form.getEmailCode().isBlank()) {
			request.put("emailCode", form.getEmailCode().strip());
		}
		form.addPolicyConsent(request);
		form.addPackageUse(request);
		try {
			Map<String, Object> booked = bookOnce(request, checkout.idempotencyKey());
			Object manage = booked.get("manage");
			String token = manage instanceof Map<?, ?> link ? String.valueOf(link.get("token")) : null;
			Checkout.save(session, checkout.booked(String.valueOf(booked.get("id")), token));
			return "redirect:/book/confirmed/" + holdId;
		}
		catch (ServiceProblem problem) {
			describe(checkout, model);
			model.addAttribute("form", form);
			if (problem.is("email-code-required")) {
				return askForCode(form, model);
			}
			if (POLICY_REFUSALS.contains(problem.code())) {
				return refusedUnderPolicy(problem, checkout, form, session, model);
			}
			if (PackageViews.sayRefusal(problem, model)) {
				model.addAttribute("codeAsked", !form.getEmailCode().isBlank());
				return "client/book-details";
			}
			if (problem.is("email-code-invalid")) {
				model.addAttribute("codeAsked", true);
				model.addAttribute("fieldErrors", Map.of("emailCode",
						"is not the one we sent to this address, or it has expired. Check it, or leave the field "
								+ "empty and book again for a new one."));
				return "client/book-details";
			}
			model.addAttribute("fieldErrors", problem.fieldErrors());
			if (problem.fieldErrors().isEmpty() || problem.status() != 400) {
				model.addAttribute("problem", Problems.explain(problem));
			}
			return "client/book-details";
		}
	}

	/**
	 * The cancellation policy refused the booking: the reason goes next to the box or the
	 * card. A declined or unreachable payment has let the held time go, so it is held
	 * again for the client to try another card; if someone took it meanwhile, the page
	 * says so and offers another time.
	 */
	private String refusedUnderPolicy(ServiceProblem problem, Checkout checkout, ClientForm form, HttpSession session,
			Model model) {
		String message = Problems.explain(problem).message();
		// the code the client already gave stays in the form for the next try
		model.addAttribute("codeAsked", !form.getEmailCode().isBlank());
		if (model.getAttribute("policy") == null) {
			// no policy could be shown (it could not be read): no field to say it at
			model.addAttribute("problem", Problems.explain(problem));
		}
		if (problem.is(POLICY_NOT_ACCEPTED)) {
			message = "Please read the cancellation policy and tick \"I accept this policy\" to book.";
			String accepted = form.getAcceptedPolicy().strip();
			if (!accepted.isEmpty() && !accepted.equals(String.valueOf(problem.property("currentVersion")))) {
				message = "The policy changed while this page was open. Please read it again and accept it.";
				form.setAcceptedPolicy("");
			}
			model.addAttribute("fieldErrors", Map.of("policyAcceptance", message));
			return "client/book-details";
		}
		if (problem.is("payment-method-required")) {
			model.addAttribute("fieldErrors", Map.of("paymentMethod",
					"Please choose a card: this treatment's cancellation policy asks for one."));
			return "client/book-details";
		}
		Checkout again = holdAgain(checkout, session);
		if (again != null) {
			describe(again, model);
			model.addAttribute("fieldErrors",
					Map.of("paymentMethod", message + " We are still holding this time for you."));
		}
		else {
			model.addAttribute("fieldErrors", Map.of("paymentMethod", message));
			model.addAttribute("problem", new Problems.Explanation("slot-taken",
					"Meanwhile someone else has taken this time. Please pick another one."));
		}
		return "client/book-details";
	}

	/** Holds the checkout's time once more, or null when it is not free any more. */
	private @Nullable Checkout holdAgain(Checkout checkout, HttpSession session) {
		try {
			Map<String, Object> hold = this.services.hold(checkout.treatmentId(), checkout.locationId(),
					checkout.start(), checkout.practitionerId());
			Checkout again = Checkout.started(String.valueOf(hold.get("holdId")), checkout.treatmentId(),
					checkout.locationId(), checkout.zoneId(), checkout.start(),
					String.valueOf(hold.get("practitionerId")), Instant.parse(String.valueOf(hold.get("expiresAt"))));
			Checkout.save(session, again);
			return again;
		}
		catch (ServiceProblem | org.springframework.web.client.ResourceAccessException ex) {
			return null;
		}
	}

	/**
	 * This treatment's rules read the client's earlier visits: a code goes to the address
	 * they typed, and the page asks for it with everything else kept.
	 */
	private String askForCode(ClientForm form, Model model) {
		try {
			this.services.sendEmailCode(form.getEmail());
			model.addAttribute("codeAsked", true);
			model.addAttribute("codeSentTo", form.getEmail());
		}
		catch (ServiceProblem problem) {
			model.addAttribute("fieldErrors", problem.fieldErrors().isEmpty() ? Map.of()
					: Map.of("client.email", problem.fieldErrors().values().iterator().next()));
			model.addAttribute("problem", Problems.explain(problem));
		}
		return "client/book-details";
	}

	@GetMapping("/book/confirmed/{holdId}")
	String confirmed(@PathVariable String holdId, HttpSession session, Model model) {
		Checkout checkout = checkout(session, holdId);
		if (checkout.bookingId() == null) {
			return "redirect:/book/checkout/" + holdId;
		}
		describe(checkout, model);
		model.addAttribute("manageToken", checkout.manageToken());
		return "client/book-confirmed";
	}

	/**
	 * Books, and when the same checkout is already being booked (a second click), waits
	 * for that attempt and answers its booking.
	 */
	private Map<String, Object> bookOnce(Map<String, Object> request, String key) {
		for (int attempt = 0;; attempt++) {
			try {
				return this.services.book(request, key);
			}
			catch (ServiceProblem problem) {
				if (!problem.is("request-in-progress") || attempt >= 20) {
					throw problem;
				}
				pause();
			}
		}
	}

	private void describe(Checkout checkout, Model model) {
		TreatmentState treatment = treatment(checkout.treatmentId());
		LocationState location = location(checkout.locationId());
		model.addAttribute("checkout", checkout);
		model.addAttribute("treatment", treatment);
		model.addAttribute("location", location);
		model.addAttribute("when", Times.full(checkout.start(), location.zoneId()));
		model.addAttribute("heldUntil", Times.timeWithZone(checkout.expiresAt(), location.zoneId()));
		model.addAttribute("heldMinutes",
				Math.max(0, java.time.Duration.between(this.clock.instant(), checkout.expiresAt()).toMinutes()));
		model.addAttribute("policy", policy(checkout));
		model.addAttribute("packageOffered", PackageViews.offered(this.services, checkout.treatmentId()));
	}

	/**
	 * The cancellation policy to show and accept, or null when none applies; also null
	 * when it cannot be read just now, and then booking-service's refusal says so.
	 */
	private @Nullable CancellationTerms policy(Checkout checkout) {
		try {
			return this.services.policy(checkout.treatmentId(), checkout.locationId())
				.map(policy -> CancellationTerms.of(policy, checkout.start().toInstant(), this.clock.instant()))
				.orElse(null);
		}
		catch (ServiceProblem | org.springframework.web.client.ResourceAccessException ex) {
			return null;
		}
	}

	private Checkout checkout(HttpSession session, String holdId) {
		Checkout checkout = Checkout.find(session, holdId);
		if (checkout == null) {
			throw new PageNotFound("This checkout has ended. Please choose a time again.");
		}
		return checkout;
	}

	CalendarMonth calendar(String treatmentId, String locationId, String zoneId, @Nullable YearMonth month,
			@Nullable String practitioner) {
		return calendar(treatmentId, locationId, zoneId, month, practitioner, null);
	}

	/**
	 * A month of the calendar, with the days that have free times marked.
	 * @param firstDay the first day to offer, if later than today (a rebooking link's due
	 * day): the calendar opens at its month and offers nothing before it
	 */
	CalendarMonth calendar(String treatmentId, String locationId, String zoneId, @Nullable YearMonth month,
			@Nullable String practitioner, @Nullable LocalDate firstDay) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of(zoneId)));
		LocalDate last = today.plus(this.properties.bookingHorizon());
		LocalDate first = (firstDay != null && firstDay.isAfter(today) && !firstDay.isAfter(last)) ? firstDay : today;
		YearMonth shown = month == null ? YearMonth.from(first) : month;
		if (shown.isBefore(YearMonth.from(first)) || shown.isAfter(YearMonth.from(last))) {
			shown = YearMonth.from(first);
		}
		LocalDate from = shown.atDay(1).isBefore(first) ? first : shown.atDay(1);
		LocalDate to = shown.atEndOfMonth().isAfter(last) ? last : shown.atEndOfMonth();
		Set<LocalDate> available = new HashSet<>();
		Map<String, Object> days = this.services.availableDays(treatmentId, locationId, from, to,
				blankToNull(practitioner));
		if (days.get("locations") instanceof List<?> locations) {
			for (Object entry : locations) {
				if (entry instanceof Map<?, ?> location && location.get("days") instanceof List<?> dates) {
					dates.forEach(date -> available.add(LocalDate.parse(String.valueOf(date))));
				}
			}
		}
		return CalendarMonth.of(shown, available, first, last);
	}

	List<TimeChoice> times(String treatmentId, LocationState location, LocalDate date, @Nullable String practitioner) {
		Map<String, Object> found = this.services.availability(treatmentId, location.id().value(), date, date,
				blankToNull(practitioner));
		List<TimeChoice> times = new java.util.ArrayList<>();
		if (found.get("locations") instanceof List<?> locations) {
			for (Object entry : locations) {
				if (entry instanceof Map<?, ?> at && at.get("slots") instanceof List<?> slots) {
					for (Object slot : slots) {
						if (slot instanceof Map<?, ?> free) {
							OffsetDateTime start = OffsetDateTime.parse(String.valueOf(free.get("start")));
							times.add(new TimeChoice(start, Times.time(start, location.zoneId())));
						}
					}
				}
			}
		}
		return times;
	}

	private TreatmentState treatment(String id) {
		return this.catalog.treatment(id)
			.filter(TreatmentState::active)
			.orElseThrow(() -> new PageNotFound("We do not offer this treatment."));
	}

	private LocationState location(String id) {
		return this.catalog.location(id)
			.filter(LocationState::active)
			.orElseThrow(() -> new PageNotFound("We have no location by this name."));
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A practitioner the client chose, as the catalog names them. */
	record Practitioner(String id, String name) {

		/**
		 * The practitioner of that id among those who give the treatment at the location,
		 * or null if none was asked for or they are not (or no longer) among them.
		 */
		static @Nullable Practitioner among(List<Map<String, Object>> practitioners, @Nullable String id) {
			if (blankToNull(id) == null) {
				return null;
			}
			return practitioners.stream()
				.filter(practitioner -> id.strip().equals(String.valueOf(practitioner.get("id"))))
				.findFirst()
				.map(practitioner -> new Practitioner(id.strip(), String.valueOf(practitioner.get("displayName"))))
				.orElse(null);
		}

	}

	/** A free start, with how it reads in the location's zone. */
	public record TimeChoice(OffsetDateTime start, String label) {
	}

	/** The earliest free start at each location that has one. */
	public record Earliest(String locationId, String name, OffsetDateTime start, String label) {

		static List<Earliest> of(Map<String, Object> availability) {
			List<Earliest> earliest = new java.util.ArrayList<>();
			if (availability.get("locations") instanceof List<?> locations) {
				for (Object entry : locations) {
					if (entry instanceof Map<?, ?> location && location.get("earliest") != null) {
						OffsetDateTime start = OffsetDateTime.parse(String.valueOf(location.get("earliest")));
						String zone = String.valueOf(location.get("zoneId"));
						earliest.add(new Earliest(String.valueOf(location.get("locationId")),
								String.valueOf(location.get("name")), start, Times.full(start, zone)));
					}
				}
			}
			earliest.sort(java.util.Comparator.comparing(Earliest::start));
			return earliest;
		}

	}

}

package dev.medspa.gateway.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The waitlist for clients who found no time that suits: join it for a treatment with the
 * dates, parts of the day and weekdays that suit; see or leave the place through the link
 * e-mailed; book an offered time in one click through the offer's link. The links are the
 * only keys, so these pages tell no referrer where they came from.
 */
@Controller
class WaitlistPages {

	/** The fields the join form shows errors at; any other is said above the form. */
	private static final Set<String> FORM_FIELDS = Set.of("client.name", "client.email", "client.phone", "from", "to",
			"partsOfDay", "weekdays", "locationId");

	private static final String PLACE_GONE = "This link does not open a place on a waitlist. It may be mistyped; "
			+ "the clinic can help by phone.";

	private static final String OFFER_GONE = "This link does not open an offer. It may be mistyped; "
			+ "the clinic can help by phone.";

	private final Catalog catalog;

	private final Services services;

	private final PagesProperties properties;

	private final Clock clock;

	WaitlistPages(Catalog catalog, Services services, PagesProperties properties, Clock clock) {
		this.catalog = catalog;
		this.services = services;
		this.properties = properties;
		this.clock = clock;
	}

	@ModelAttribute
	void noReferrer(HttpServletResponse response) {
		PrivateLinks.keepPrivate(response);
	}

	// joining

	/**
	 * The form, with what the client came from already filled in: the treatment, and the
	 * location and the day they were looking at.
	 */
	@GetMapping("/waitlist/join")
	String joinForm(@RequestParam String treatment, @RequestParam(required = false) @Nullable String location,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Model model) {
		TreatmentState chosen = treatment(treatment);
		LocalDate today = LocalDate.now(this.clock);
		LocalDate first = from == null || from.isBefore(today) ? today : from;
		LocalDate last = to == null || to.isBefore(first) ? first.plusDays(13) : to;
		WaitlistForm form = new WaitlistForm();
		form.setTreatmentId(chosen.id().value());
		form.setLocationId(location != null
				&& this.catalog.offering(chosen).stream().anyMatch(offering -> offering.id().value().equals(location))
						? location : "");
		form.setFrom(first.toString());
		form.setTo(last.toString());
		return showJoin(chosen, form, model);
	}

	@PostMapping("/waitlist/join")
	String join(WaitlistForm form, Model model, RedirectAttributes redirect) {
		TreatmentState chosen = treatment(form.getTreatmentId());
		Map<String, String> unreadable = form.unreadable();
		if (!unreadable.isEmpty()) {
			model.addAttribute("fieldErrors", unreadable);
			return showJoin(chosen, form, model);
		}
		try {
			Map<String, Object> place = this.services.joinWaitlist(form.request());
			Object token = Forms.map(place.get("link")).get("token");
			if (token == null) {
				throw new IllegalStateException("The waitlist answered without the place's link");
			}
			redirect.addFlashAttribute("joined", true);
			return "redirect:/waitlist/" + token;
		}
		catch (ServiceProblem problem) {
			// a refusal of another kind (an unknown location, a limit) names a field too,
			// but its reason is a sentence for the top of the form
			Map<String, String> fields = problem.status() == 400 ? WaitlistForm.byField(problem.fieldErrors())
					: Map.of();
			model.addAttribute("fieldErrors", fields);
			Map<String, String> elsewhere = new LinkedHashMap<>(fields);
			elsewhere.keySet().removeAll(FORM_FIELDS);
			if (problem.status() != 400 || fields.isEmpty()) {
				model.addAttribute("problem", Problems.explain(problem).message());
			}
			else if (!elsewhere.isEmpty()) {
				model.addAttribute("problem", "Please check: " + String.join("; ",
						elsewhere.entrySet().stream().map(error -> error.getKey() + " " + error.getValue()).toList()));
			}
			return showJoin(chosen, form, model);
		}
	}

	private String showJoin(TreatmentState treatment, WaitlistForm form, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("treatment", treatment);
		model.addAttribute("locations", this.catalog.offering(treatment));
		model.addAttribute("form", form);
		model.addAttribute("partsOfDay", labels(WaitlistForm.PARTS_OF_DAY, Waitlists::partOfDayLabel));
		model.addAttribute("weekdays", labels(WaitlistForm.WEEKDAYS, Waitlists::weekdayLabel));
		model.addAttribute("today", today);
		model.addAttribute("lastDay", today.plus(this.properties.bookingHorizon()));
		return "client/waitlist-join";
	}

	// the place

	@GetMapping("/waitlist/{token}")
	String place(@PathVariable String token, Model model) {
		Map<String, Object> place = this.services.waitlistPlace(token).orElse(null);
		if (place == null) {
			if (model.containsAttribute("done")) {
				// left, and the service keeps nothing more to show
				model.addAttribute("place", null);
				return "client/waitlist";
			}
			throw new PageNotFound(PLACE_GONE);
		}
		TreatmentState treatment = this.catalog.treatment(String.valueOf(place.get("treatmentId")))
			.orElseThrow(() -> new PageNotFound(PLACE_GONE));
		String locationId = place.get("locationId") == null ? null : String.valueOf(place.get("locationId"));
		LocationState location = locationId == null ? null : this.catalog.location(locationId).orElse(null);
		String status = String.valueOf(place.get("status"));
		model.addAttribute("token", token);
		model.addAttribute("place", place);
		model.addAttribute("treatment", treatment);
		model.addAttribute("where", location != null ? location.name() + ", " + location.address().oneLine()
				: locationId == null ? "Any of our locations that offer it" : locationId);
		model.addAttribute("dates", Waitlists.dates(place.get("from"), place.get("to")));
		model.addAttribute("times", Waitlists.partsOfDay(place.get("partsOfDay")));
		model.addAttribute("days", Waitlists.weekdays(place.get("weekdays")));
		model.addAttribute("status", status);
		model.addAttribute("statusLabel", Waitlists.status(status));
		model.addAttribute("canLeave", Set.of("WAITING", "OFFERED", "PAUSED").contains(status));
		model.addAttribute("offer", openOffer(place.get("offer")));
		return "client/waitlist";
	}

	@PostMapping("/waitlist/{token}/leave")
	String leave(@PathVariable String token, RedirectAttributes redirect) {
		try {
			this.services.leaveWaitlist(token);
			redirect.addFlashAttribute("done",
					"You have left the waitlist. We will not offer you times for it any more.");
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound(PLACE_GONE);
			}
			redirect.addFlashAttribute("problem", Problems.explain(problem).message());
		}
		return "redirect:/waitlist/" + token;
	}

	/**
	 * Asks for offers again after the place was paused because offers ran out unanswered.
	 */
	@PostMapping("/waitlist/{token}/resume")
	String resume(@PathVariable String token, RedirectAttributes redirect) {
		try {
			this.services.resumeWaitlist(token);
			redirect.addFlashAttribute("done",
					"You are back on the waitlist. We will offer you the next time that fits.");
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound(PLACE_GONE);
			}
			redirect.addFlashAttribute("problem", Problems.explain(problem).message());
		}
		return "redirect:/waitlist/" + token;
	}

	/** The open offer of a place, in the words of its location. */
	private @Nullable Map<String, String> openOffer(@Nullable Object value) {
		Map<String, Object> offer = Forms.map(value);
		if (offer.isEmpty() || !"OPEN".equals(offer.get("status"))) {
			return null;
		}
		String zone = String.valueOf(offer.get("zoneId"));
		Instant expires = OffsetDateTime.parse(String.valueOf(offer.get("expiresAt"))).toInstant();
		if (!expires.isAfter(this.clock.instant())) {
			return null;
		}
		Map<String, String> shown = new LinkedHashMap<>();
		shown.put("token", String.valueOf(offer.get("token")));
		shown.put("when", Times.full(OffsetDateTime.parse(String.valueOf(offer.get("start"))), zone));
		shown.put("where",
				this.catalog.location(String.valueOf(offer.get("locationId")))
					.map(LocationState::name)
					.orElse(String.valueOf(offer.get("locationId"))));
		shown.put("heldUntil", until(expires, zone));
		return shown;
	}

	// an offer

	@GetMapping("/offer/{token}")
	String offer(@PathVariable String token, Model model) {
		Offer offer = loadOffer(token);
		String status = offer.status();
		boolean open = "OPEN".equals(status) && offer.expiresAt().isAfter(this.clock.instant());
		model.addAttribute("token", token);
		model.addAttribute("treatment", offer.treatment());
		model.addAttribute("location", offer.location());
		model.addAttribute("when", Times.full(offer.start(), offer.zoneId()));
		model.addAttribute("heldUntil", until(offer.expiresAt(), offer.zoneId()));
		model.addAttribute("heldMinutes",
				Math.max(0, Duration.between(this.clock.instant(), offer.expiresAt()).toMinutes()));
		model.addAttribute("open", open);
		model.addAttribute("status", "OPEN".equals(status) && !open ? "EXPIRED" : status);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ClientForm());
		}
		if (open) {
			model.addAttribute("policy", PolicyRefusals.terms(this.services, offer.treatment().id().value(),
					offer.location().id().value(), offer.start().toInstant(), this.clock.instant()));
		}
		return "client/offer";
	}

	/** Books the offered time in one click. */
	@PostMapping("/offer/{token}/book")
	String claim(@PathVariable String token, ClientForm form, RedirectAttributes redirect) {
		try {
			Map<String, Object> consent = new LinkedHashMap<>();
			form.addPolicyConsent(consent);
			Map<String, Object> booked = this.services.claimOffer(token, consent);
			Object manageToken = Forms.map(booked.get("manage")).get("token");
			redirect.addFlashAttribute("manageToken", manageToken == null ? null : String.valueOf(manageToken));
			redirect.addFlashAttribute("claimed", true);
			return "redirect:/offer/" + token + "/booked";
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound(OFFER_GONE);
			}
			String policyField = PolicyRefusals.field(problem);
			if (policyField != null) {
				// said next to the box or the card; the offer still holds the time
				redirect.addFlashAttribute("fieldErrors", Map.of(policyField, PolicyRefusals.message(problem, form)));
				redirect.addFlashAttribute("form", form);
				return "redirect:/offer/" + token;
			}
			redirect.addFlashAttribute("problem", Problems.explain(problem).message());
			return "redirect:/offer/" + token;
		}
	}

	/**
	 * The same confirmation as a booking made from the calendar, with the manage link
	 * this once; afterwards the offer's page says it was booked.
	 */
	@GetMapping("/offer/{token}/booked")
	String booked(@PathVariable String token, Model model) {
		if (!model.containsAttribute("claimed")) {
			return "redirect:/offer/" + token;
		}
		Offer offer = loadOffer(token);
		model.addAttribute("treatment", offer.treatment());
		model.addAttribute("location", offer.location());
		model.addAttribute("when", Times.full(offer.start(), offer.zoneId()));
		return "client/book-confirmed";
	}

	private Offer loadOffer(String token) {
		Map<String, Object> offer = this.services.waitlistOffer(token).orElseThrow(() -> new PageNotFound(OFFER_GONE));
		TreatmentState treatment = this.catalog.treatment(String.valueOf(offer.get("treatmentId")))
			.orElseThrow(() -> new PageNotFound(OFFER_GONE));
		LocationState location = this.catalog.location(String.valueOf(offer.get("locationId")))
			.orElseThrow(() -> new PageNotFound(OFFER_GONE));
		String zone = offer.get("zoneId") == null ? location.zoneId() : String.valueOf(offer.get("zoneId"));
		return new Offer(String.valueOf(offer.get("status")), treatment, location, zone,
				OffsetDateTime.parse(String.valueOf(offer.get("start"))),
				OffsetDateTime.parse(String.valueOf(offer.get("expiresAt"))).toInstant());
	}

	/** "10:40 AM PST" today in the zone, the full date otherwise. */
	private String until(Instant time, String zone) {
		ZoneId zoneId = ZoneId.of(zone);
		return time.atZone(zoneId).toLocalDate().equals(LocalDate.now(this.clock.withZone(zoneId)))
				? Times.timeWithZone(time, zone) + " today" : Times.full(time, zone);
	}

	private TreatmentState treatment(String id) {
		if (id.isBlank()) {
			throw new PageNotFound("We do not offer this treatment.");
		}
		return this.catalog.treatment(id)
			.filter(TreatmentState::active)
			.orElseThrow(() -> new PageNotFound("We do not offer this treatment."));
	}

	private static Map<String, String> labels(java.util.List<String> values,
			java.util.function.Function<String, String> label) {
		Map<String, String> labels = new LinkedHashMap<>();
		values.forEach(value -> labels.put(value, label.apply(value)));
		return labels;
	}

	private record Offer(String status, TreatmentState treatment, LocationState location, String zoneId,
			OffsetDateTime start, Instant expiresAt) {
	}

}

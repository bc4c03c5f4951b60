package dev.medspa.gateway.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A whole course booked at once, for treatments given as a series: the location, the
 * first session's day and time, then the course as booking-service proposes it (every
 * session at the recommended spacing, each date and time adjustable), the client's
 * details with the e-mail code, and one button that books every session or none. A
 * session that cannot be had is named, with the nearest free starts that day to choose
 * from; the confirmation lists every session with its own manage link. No JavaScript.
 */
@Controller
class SeriesPages {

	/** The client's fields the plan shows errors at. */
	private static final Set<String> CLIENT_FIELDS = Set.of("client.name", "client.email", "client.phone", "emailCode");

	private static final String BOOKED = "series";

	private final Catalog catalog;

	private final Services services;

	private final PagesProperties properties;

	private final Clock clock;

	SeriesPages(Catalog catalog, Services services, PagesProperties properties, Clock clock) {
		this.catalog = catalog;
		this.services = services;
		this.properties = properties;
		this.clock = clock;
	}

	@ModelAttribute
	void noStore(HttpServletResponse response) {
		// the confirmation carries every session's manage link
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	/** Where the course is given. */
	@GetMapping("/series/{treatmentId}")
	String chooseLocation(@PathVariable String treatmentId, Model model) {
		TreatmentState treatment = series(treatmentId);
		model.addAttribute("treatment", treatment);
		model.addAttribute("course", SeriesPlan.course(treatment));
		model.addAttribute("locations", this.catalog.offering(treatment));
		return "client/series-location";
	}

	/**
	 * The first session: a day, then that day's free starts.
	 * @param date the day asked for; none yet shows the day picker alone
	 */
	@GetMapping("/series/{treatmentId}/{locationId}")
	String chooseFirst(@PathVariable String treatmentId, @PathVariable String locationId,
			@RequestParam(required = false) @Nullable String date, Model model) {
		TreatmentState treatment = series(treatmentId);
		LocationState location = location(treatment, locationId);
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of(location.zoneId())));
		LocalDate last = today.plus(this.properties.bookingHorizon());
		describe(treatment, location, model);
		SeriesPlan.firstSession(this.services, treatmentId, location, date, today, last, model);
		return "client/series-first";
	}

	/** The course as proposed from the first start: every session, each adjustable. */
	@GetMapping("/series/{treatmentId}/{locationId}/plan")
	String plan(@PathVariable String treatmentId, @PathVariable String locationId, @RequestParam String first,
			Model model) {
		TreatmentState treatment = series(treatmentId);
		LocationState location = location(treatment, locationId);
		List<SeriesPlan.Session> sessions = SeriesPlan.proposed(this.services, treatmentId, locationId, first,
				location.zoneId());
		return showPlan(treatment, location, sessions, new ClientForm(), model);
	}

	/**
	 * Books every session, each at the day and time in the form, or at the one of the
	 * nearest free starts picked after a refusal.
	 * @param pick {@code <session number>|<ISO start>}: replaces that session's day and
	 * time
	 */
	@PostMapping("/series/{treatmentId}/{locationId}")
	String book(@PathVariable String treatmentId, @PathVariable String locationId,
			@RequestParam MultiValueMap<String, String> params, ClientForm form,
			@RequestParam(required = false) @Nullable String pick, HttpSession session, Model model) {
		TreatmentState treatment = series(treatmentId);
		LocationState location = location(treatment, locationId);
		String zone = location.zoneId();
		List<SeriesPlan.Session> sessions = SeriesPlan.posted(params, pick, treatment, zone);
		List<OffsetDateTime> starts = SeriesPlan.starts(sessions, zone,
				LocalDate.now(this.clock.withZone(ZoneId.of(zone))), model);
		if (starts == null) {
			return showPlan(treatment, location, sessions, form, model);
		}
		Map<String, Object> request = SeriesPlan.request(treatmentId, locationId, starts, form, form.getEmailCode());
		try {
			Map<String, Object> booked = this.services.bookSeries(request);
			SeriesBooked kept = SeriesBooked.of(booked, treatmentId, locationId);
			SeriesBooked.save(session, kept);
			return "redirect:/series/booked/" + kept.seriesId();
		}
		catch (ServiceProblem problem) {
			return refused(problem, treatment, location, sessions, form, model);
		}
	}

	@GetMapping("/series/booked/{seriesId}")
	String booked(@PathVariable String seriesId, HttpSession session, Model model) {
		SeriesBooked booked = SeriesBooked.find(session, seriesId);
		if (booked == null) {
			throw new PageNotFound("We cannot show this course here any more. Every session's link is in the e-mails "
					+ "we sent you.");
		}
		TreatmentState treatment = this.catalog.treatment(booked.treatmentId())
			.orElseThrow(() -> new PageNotFound("We do not offer this treatment."));
		LocationState location = this.catalog.location(booked.locationId())
			.orElseThrow(() -> new PageNotFound("We have no location by this name."));
		List<Map<String, String>> sessions = new ArrayList<>();
		for (SeriesBooked.BookedSession one : booked.sessions()) {
			Map<String, String> shown = new LinkedHashMap<>();
			shown.put("number", String.valueOf(one.number()));
			shown.put("when", Times.full(one.start(), location.zoneId()));
			shown.put("token", one.manageToken() == null ? "" : one.manageToken());
			sessions.add(shown);
		}
		model.addAttribute("treatment", treatment);
		model.addAttribute("location", location);
		model.addAttribute("sessions", sessions);
		return "client/series-booked";
	}

	/** The plan again, with what the service said where it belongs. */
	private String refused(ServiceProblem problem, TreatmentState treatment, LocationState location,
			List<SeriesPlan.Session> sessions, ClientForm form, Model model) {
		if (problem.is("email-code-required")) {
			Map<String, String> clientErrors = new LinkedHashMap<>();
			try {
				this.services.sendEmailCode(form.getEmail());
				model.addAttribute("codeAsked", true);
				model.addAttribute("codeSentTo", form.getEmail());
			}
			catch (ServiceProblem unsent) {
				if (!unsent.fieldErrors().isEmpty()) {
					clientErrors.put("client.email", unsent.fieldErrors().values().iterator().next());
				}
				model.addAttribute("problem", Problems.explain(unsent));
			}
			model.addAttribute("fieldErrors", clientErrors);
			return showPlan(treatment, location, sessions, form, model);
		}
		if (problem.is("email-code-invalid")) {
			model.addAttribute("codeAsked", true);
			model.addAttribute("fieldErrors",
					Map.of("emailCode", "is not the one we sent to this address, or it has expired. Check it, or "
							+ "leave the field empty and book again for a new one."));
			return showPlan(treatment, location, sessions, form, model);
		}
		if (PolicyRefusals.sayForCourse(problem, form, model) || PackageViews.sayRefusal(problem, model)) {
			return showPlan(treatment, location, sessions, form, model);
		}
		SeriesPlan.refusal(problem, treatment, location.zoneId(), sessions, CLIENT_FIELDS).show(model);
		return showPlan(treatment, location, sessions, form, model);
	}

	private String showPlan(TreatmentState treatment, LocationState location, List<SeriesPlan.Session> sessions,
			ClientForm form, Model model) {
		SeriesPlan.show(treatment, location, base(treatment, location), sessions, form, model);
		model.addAttribute("policy", PolicyRefusals.forCourse(this.services, treatment.id().value(),
				location.id().value(), sessions, location.zoneId(), this.clock));
		model.addAttribute("packageOffered", PackageViews.offered(this.services, treatment.id().value()));
		return "client/series-plan";
	}

	private void describe(TreatmentState treatment, LocationState location, Model model) {
		SeriesPlan.describe(treatment, location, base(treatment, location), model);
	}

	private static String base(TreatmentState treatment, LocationState location) {
		return "/series/" + treatment.id().value() + "/" + location.id().value();
	}

	private TreatmentState series(String id) {
		TreatmentState treatment = this.catalog.treatment(id)
			.filter(TreatmentState::active)
			.orElseThrow(() -> new PageNotFound("We do not offer this treatment."));
		SeriesPlan.course(treatment);
		return treatment;
	}

	private LocationState location(TreatmentState treatment, String id) {
		return this.catalog.location(id)
			.filter(LocationState::active)
			.filter(location -> location.treatments().contains(treatment.id()))
			.orElseThrow(() -> new PageNotFound("This course is not given at this location."));
	}

}

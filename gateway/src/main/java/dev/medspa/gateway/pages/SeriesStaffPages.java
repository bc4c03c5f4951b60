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
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A whole course booked by staff for a client (at the desk, on the phone): a location the
 * member works at, a treatment given there as a course, the first session's day and time,
 * then booking-service's proposal with every session adjustable (as on the client's
 * pages, {@link SeriesPlan}), the client's details, and one button that books every
 * session or none with the member's token ({@code POST /api/staff/series}, no e-mail
 * code). The confirmation lists every session with a link to its staff booking page. No
 * JavaScript.
 */
@Controller
class SeriesStaffPages {

	/** The client's fields the plan shows errors at. */
	private static final Set<String> CLIENT_FIELDS = Set.of("client.name", "client.email", "client.phone");

	private final Catalog catalog;

	private final Services services;

	private final StaffAccounts accounts;

	private final PagesProperties properties;

	private final Clock clock;

	SeriesStaffPages(Catalog catalog, Services services, StaffAccounts accounts, PagesProperties properties,
			Clock clock) {
		this.catalog = catalog;
		this.services = services;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@ModelAttribute
	void noStore(HttpServletResponse response) {
		// the pages carry a client's details
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	/** The picker's answer, or the member's first location. */
	@GetMapping("/staff/series")
	String chooseLocation(@RequestParam(required = false) @Nullable String location, Authentication member,
			Model model) {
		List<LocationState> locations = StaffAccess.visibleLocations(this.catalog,
				StaffAccess.account(this.accounts, member));
		String chosen = BookingPages.blankToNull(location);
		if (chosen == null && !locations.isEmpty()) {
			chosen = locations.get(0).id().value();
		}
		if (chosen == null) {
			model.addAttribute("locations", locations);
			return "staff/series";
		}
		return "redirect:/staff/series/" + org.springframework.web.util.UriUtils.encodePathSegment(chosen,
				java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * The course and the first session: a treatment given here as a course and a day,
	 * then that day's free starts.
	 * @param treatment the course asked for; none yet shows the form alone
	 * @param date the first session's day; none yet shows the form alone
	 */
	@GetMapping("/staff/series/{locationId}")
	String chooseFirst(@PathVariable String locationId, @RequestParam(required = false) @Nullable String treatment,
			@RequestParam(required = false) @Nullable String date, Authentication member, Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		LocationState location = location(account, locationId);
		List<TreatmentState> courses = this.catalog.treatments()
			.stream()
			.filter(offered -> offered.series() != null && location.treatments().contains(offered.id()))
			.toList();
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of(location.zoneId())));
		LocalDate last = today.plus(this.properties.bookingHorizon());
		model.addAttribute("location", location);
		model.addAttribute("locations", StaffAccess.visibleLocations(this.catalog, account));
		model.addAttribute("courses", courses);
		String treatmentId = BookingPages.blankToNull(treatment);
		TreatmentState course = treatmentId == null ? null
				: courses.stream().filter(offered -> offered.id().value().equals(treatmentId)).findFirst().orElse(null);
		model.addAttribute("treatmentId", treatmentId == null ? "" : treatmentId);
		if (treatmentId != null && course == null) {
			model.addAttribute("treatmentError", "is not given as a course at " + location.name() + ".");
		}
		if (course != null) {
			SeriesPlan.describe(course, location, base(location, course), model);
		}
		SeriesPlan.firstSession(this.services, course == null ? null : course.id().value(), location, date, today, last,
				model);
		return "staff/series";
	}

	/** The course as proposed from the first start: every session, each adjustable. */
	@GetMapping("/staff/series/{locationId}/{treatmentId}/plan")
	String plan(@PathVariable String locationId, @PathVariable String treatmentId, @RequestParam String first,
			Authentication member, Model model) {
		LocationState location = location(StaffAccess.account(this.accounts, member), locationId);
		TreatmentState treatment = course(location, treatmentId);
		List<SeriesPlan.Session> sessions = SeriesPlan.proposed(this.services, treatmentId, locationId, first,
				location.zoneId());
		return showPlan(treatment, location, sessions, new ClientForm(), model);
	}

	/**
	 * Books every session for the client, each at the day and time in the form, or at the
	 * one of the nearest free starts picked after a refusal.
	 * @param pick {@code <session number>|<ISO start>}: replaces that session's day and
	 * time
	 */
	@PostMapping("/staff/series/{locationId}/{treatmentId}")
	String book(@PathVariable String locationId, @PathVariable String treatmentId,
			@RequestParam MultiValueMap<String, String> params, ClientForm form,
			@RequestParam(required = false) @Nullable String pick, Authentication member, HttpSession session,
			Model model) {
		LocationState location = location(StaffAccess.account(this.accounts, member), locationId);
		TreatmentState treatment = course(location, treatmentId);
		String zone = location.zoneId();
		List<SeriesPlan.Session> sessions = SeriesPlan.posted(params, pick, treatment, zone);
		List<OffsetDateTime> starts = SeriesPlan.starts(sessions, zone,
				LocalDate.now(this.clock.withZone(ZoneId.of(zone))), model);
		if (starts == null) {
			return showPlan(treatment, location, sessions, form, model);
		}
		try {
			Map<String, Object> booked = this.services
				.bookStaffSeries(SeriesPlan.request(treatmentId, locationId, starts, form, null));
			SeriesBooked kept = SeriesBooked.of(booked, treatmentId, locationId);
			SeriesBooked.saveForStaff(session, kept);
			return "redirect:/staff/series/booked/" + kept.seriesId();
		}
		catch (ServiceProblem problem) {
			return refused(problem, treatment, location, sessions, form, model);
		}
	}

	/** Every session of a course just booked, each linked to its booking page. */
	@GetMapping("/staff/series/booked/{seriesId}")
	String booked(@PathVariable String seriesId, Authentication member, HttpSession session, Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		SeriesBooked booked = SeriesBooked.findForStaff(session, seriesId);
		if (booked == null) {
			throw new PageNotFound("This course is not kept here any more. Find its sessions on the day sheets.");
		}
		LocationState location = location(account, booked.locationId());
		String treatmentName = this.catalog.treatment(booked.treatmentId())
			.map(TreatmentState::name)
			.orElse(booked.treatmentId());
		List<Map<String, String>> sessions = new ArrayList<>();
		for (SeriesBooked.BookedSession one : booked.sessions()) {
			Map<String, String> shown = new LinkedHashMap<>();
			shown.put("number", String.valueOf(one.number()));
			shown.put("id", one.bookingId());
			shown.put("when", Times.full(one.start(), location.zoneId()));
			shown.put("day", one.start().atZoneSameInstant(ZoneId.of(location.zoneId())).toLocalDate().toString());
			sessions.add(shown);
		}
		model.addAttribute("treatmentName", treatmentName);
		model.addAttribute("location", location);
		model.addAttribute("sessions", sessions);
		return "staff/series-booked";
	}

	/**
	 * The plan again, with what the service said where it belongs; a refusal of the
	 * member's access, or of the client's course, in staff's words.
	 */
	private String refused(ServiceProblem problem, TreatmentState treatment, LocationState location,
			List<SeriesPlan.Session> sessions, ClientForm form, Model model) {
		if (problem.status() == 401 || problem.status() == 403) {
			model.addAttribute("problemText", "Your account may not book at " + location.name()
					+ ", so nothing was booked. If you work there, please ask an owner to add it to your account.");
			return showPlan(treatment, location, sessions, form, model);
		}
		if (PolicyRefusals.sayForCourse(problem, form, model) || PackageViews.sayRefusal(problem, model)) {
			return showPlan(treatment, location, sessions, form, model);
		}
		SeriesPlan.Refusal refusal = SeriesPlan.refusal(problem, treatment, location.zoneId(), sessions, CLIENT_FIELDS);
		if (problem.is("consultation-required")) {
			refusal = refusal.saying("This client has no consultation for " + treatment.name()
					+ " on record, and the course starts with one. Nothing was booked: book the consultation first.");
		}
		else if (problem.is("not-a-series")) {
			refusal = refusal
				.saying(treatment.name() + " is no longer booked as a course. Nothing was booked: book its sessions "
						+ "one by one, or choose another course.");
		}
		refusal.show(model);
		return showPlan(treatment, location, sessions, form, model);
	}

	private String showPlan(TreatmentState treatment, LocationState location, List<SeriesPlan.Session> sessions,
			ClientForm form, Model model) {
		SeriesPlan.show(treatment, location, base(location, treatment), sessions, form, model);
		model.addAttribute("policy", PolicyRefusals.forCourse(this.services, treatment.id().value(),
				location.id().value(), sessions, location.zoneId(), this.clock));
		model.addAttribute("packageOffered", PackageViews.offered(this.services, treatment.id().value()));
		return "staff/series-plan";
	}

	private static String base(LocationState location, TreatmentState treatment) {
		return "/staff/series/" + location.id().value() + "/" + treatment.id().value();
	}

	/** A location the member works at; another one is refused. */
	private LocationState location(StaffAccount account, String locationId) {
		if (!StaffAccess.worksAt(account, locationId)) {
			throw new AccessDeniedException("Not at this location");
		}
		return this.catalog.location(locationId)
			.filter(LocationState::active)
			.orElseThrow(() -> new PageNotFound("No location has this id."));
	}

	/** A treatment the location gives as a course. */
	private TreatmentState course(LocationState location, String treatmentId) {
		TreatmentState treatment = this.catalog.treatment(treatmentId)
			.filter(TreatmentState::active)
			.filter(offered -> location.treatments().contains(offered.id()))
			.orElseThrow(() -> new PageNotFound("This course is not given at this location."));
		SeriesPlan.course(treatment);
		return treatment;
	}

}

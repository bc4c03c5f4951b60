package dev.medspa.gateway.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
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
import org.springframework.format.annotation.DateTimeFormat;
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
		model.addAttribute("course", course(treatment));
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
		model.addAttribute("today", today);
		model.addAttribute("last", last);
		LocalDate day = readDate(date);
		if (BookingPages.blankToNull(date) != null && (day == null || day.isBefore(today) || day.isAfter(last))) {
			model.addAttribute("dateError",
					"must be a day from " + Times.day(today) + " to " + Times.day(last) + ", such as " + today);
			model.addAttribute("date", date);
			return "client/series-first";
		}
		model.addAttribute("date", day == null ? "" : day.toString());
		if (day != null) {
			model.addAttribute("dayLabel", Times.day(day));
			model.addAttribute("zoneName", Times.zoneName(day, location.zoneId()));
			model.addAttribute("times", freeStarts(treatmentId, location, day));
		}
		return "client/series-first";
	}

	/** The course as proposed from the first start: every session, each adjustable. */
	@GetMapping("/series/{treatmentId}/{locationId}/plan")
	String plan(@PathVariable String treatmentId, @PathVariable String locationId, @RequestParam String first,
			Model model) {
		TreatmentState treatment = series(treatmentId);
		LocationState location = location(treatment, locationId);
		OffsetDateTime start = Times.parseStart(first);
		String zone = location.zoneId();
		List<Session> sessions = new ArrayList<>();
		for (Map<String, Object> proposed : this.services.seriesProposal(treatmentId, locationId, start)) {
			LocalDate due = readDate(String.valueOf(proposed.get("due")));
			ZonedDateTime at = readStart(proposed.get("start"), zone);
			String note = at == null
					? "Nothing is free in the week this session is due. Choose a later day and a " + "time, or call us."
					: null;
			sessions.add(new Session(sessions.size() + 1, due == null ? "" : due.toString(),
					due == null ? "" : Times.day(due),
					at == null ? (due == null ? "" : due.toString()) : at.toLocalDate().toString(),
					at == null ? "" : at.toLocalTime().toString(), note, null, List.of()));
		}
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
		int count = Math.min(params.getOrDefault("date", List.of()).size(), course(treatment).sessions());
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String due = Forms.value(params, "due", i);
			LocalDate dueDay = readDate(due);
			sessions.add(new Session(i + 1, due, dueDay == null ? "" : Times.day(dueDay),
					Forms.value(params, "date", i), Forms.value(params, "time", i), null, null, List.of()));
		}
		if (BookingPages.blankToNull(pick) != null) {
			use(sessions, pick, zone);
		}
		List<OffsetDateTime> starts = new ArrayList<>();
		boolean unreadable = false;
		for (int i = 0; i < sessions.size(); i++) {
			OffsetDateTime start = startOf(sessions.get(i), zone);
			if (start == null) {
				sessions.set(i, sessions.get(i)
					.refused("Give this session a day and a time, such as " + LocalDate.now(this.clock) + " and 10:00.",
							List.of()));
				unreadable = true;
			}
			else {
				starts.add(start);
			}
		}
		if (unreadable || sessions.isEmpty()) {
			model.addAttribute("problemText", "Please give every session a day and a time.");
			return showPlan(treatment, location, sessions, form, model);
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("treatmentId", treatmentId);
		request.put("locationId", locationId);
		request.put("starts", starts.stream().map(OffsetDateTime::toString).toList());
		if (!form.getEmailCode().isBlank()) {
			request.put("emailCode", form.getEmailCode().strip());
		}
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("name", form.getName());
		client.put("email", form.getEmail());
		client.put("phone", form.getPhone());
		client.put("consentToSms", form.isConsentToSms());
		request.put("client", client);
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
			List<Session> sessions, ClientForm form, Model model) {
		String zone = location.zoneId();
		Map<String, String> clientErrors = new LinkedHashMap<>();
		List<String> elsewhere = new ArrayList<>();
		if (problem.is("series-session-unavailable")) {
			int index = sessionIndex(problem, sessions.size());
			if (index >= 0) {
				List<Choice> nearest = new ArrayList<>();
				if (problem.property("nearestStarts") instanceof List<?> starts) {
					for (Object start : starts) {
						ZonedDateTime free = readStart(start, zone);
						if (free != null) {
							nearest.add(new Choice((index + 1) + "|" + free.toOffsetDateTime(),
									Times.time(free.toOffsetDateTime(), zone)));
						}
					}
				}
				Session failed = sessions.get(index);
				OffsetDateTime asked = startOf(failed, zone);
				String when = asked == null ? "" : ", " + Times.full(asked, zone) + ",";
				sessions.set(index, failed.refused(
						"This time cannot be had"
								+ (nearest.isEmpty() ? ", and nothing else is free that day: please choose another day."
										: ". The nearest free times that day (choosing one replaces the time above):"),
						nearest));
				model.addAttribute("problemText",
						"Session " + (index + 1) + when
								+ " cannot be had: someone has taken it, or it is no longer free. Nothing was booked. "
								+ (nearest.isEmpty() ? "Please choose another day for it."
										: "Choose another time for it below."));
				return showPlan(treatment, location, sessions, form, model);
			}
		}
		if (problem.is("email-code-required")) {
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
			clientErrors.put("emailCode", "is not the one we sent to this address, or it has expired. Check it, or "
					+ "leave the field empty and book again for a new one.");
			model.addAttribute("fieldErrors", clientErrors);
			return showPlan(treatment, location, sessions, form, model);
		}
		boolean atASession = false;
		for (Map.Entry<String, String> error : problem.fieldErrors().entrySet()) {
			int index = startsIndex(error.getKey(), sessions.size());
			if (index >= 0) {
				sessions.set(index, sessions.get(index).refused(sessionReason(problem, treatment, error), List.of()));
				atASession = true;
			}
			else if (CLIENT_FIELDS.contains(error.getKey())) {
				clientErrors.put(error.getKey(), error.getValue());
			}
			else {
				elsewhere.add(error.getKey() + " " + error.getValue());
			}
		}
		if (!atASession && problem.property("session") instanceof Number number) {
			int index = number.intValue() - 1;
			if (index >= 0 && index < sessions.size()) {
				sessions.set(index, sessions.get(index).refused(Problems.explain(problem).message(), List.of()));
			}
		}
		model.addAttribute("fieldErrors", clientErrors);
		if (problem.is("series-spacing")) {
			model.addAttribute("problemText", "Some sessions are too close together. Nothing was booked.");
		}
		else if (!elsewhere.isEmpty()) {
			model.addAttribute("problemText", "Please check: " + String.join("; ", elsewhere));
		}
		else if (problem.status() != 400 || clientErrors.isEmpty() && !atASession) {
			model.addAttribute("problem", Problems.explain(problem));
		}
		return showPlan(treatment, location, sessions, form, model);
	}

	/** Why the service refused a session's start, as the client reads it next to it. */
	private static String sessionReason(ServiceProblem problem, TreatmentState treatment,
			Map.Entry<String, String> error) {
		if (problem.is("series-spacing")) {
			int index = startsIndex(error.getKey(), Integer.MAX_VALUE);
			return "This is too soon after session " + index + ": the skin needs time to heal, so sessions are at "
					+ "least " + spacing(course(treatment).minimumSpacing()) + " apart. Please choose a later day.";
		}
		if (problem.status() == 400) {
			return "This session's time " + error.getValue() + ".";
		}
		return Problems.explain(problem).message();
	}

	/**
	 * Puts one of the nearest free starts into its session; an unreadable pick is
	 * ignored.
	 */
	private static void use(List<Session> sessions, String pick, String zone) {
		int bar = pick.indexOf('|');
		if (bar < 0) {
			return;
		}
		try {
			int index = Integer.parseInt(pick.substring(0, bar).strip()) - 1;
			ZonedDateTime start = OffsetDateTime.parse(pick.substring(bar + 1).strip())
				.atZoneSameInstant(ZoneId.of(zone));
			if (index >= 0 && index < sessions.size()) {
				Session chosen = sessions.get(index);
				sessions.set(index, new Session(chosen.number(), chosen.due(), chosen.dueLabel(),
						start.toLocalDate().toString(), start.toLocalTime().toString(), null, null, List.of()));
			}
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			// the typed day and time stand
		}
	}

	private String showPlan(TreatmentState treatment, LocationState location, List<Session> sessions, ClientForm form,
			Model model) {
		describe(treatment, location, model);
		model.addAttribute("sessions", sessions);
		model.addAttribute("form", form);
		model.addAttribute("firstDate", sessions.isEmpty() ? "" : sessions.get(0).date());
		return "client/series-plan";
	}

	private void describe(TreatmentState treatment, LocationState location, Model model) {
		TreatmentState.SeriesRule course = course(treatment);
		model.addAttribute("treatment", treatment);
		model.addAttribute("location", location);
		model.addAttribute("course", course);
		model.addAttribute("recommended", spacing(course.recommendedSpacing()));
		model.addAttribute("minimum", spacing(course.minimumSpacing()));
		model.addAttribute("base", "/series/" + treatment.id().value() + "/" + location.id().value());
	}

	/** The free starts of a day, as the first session's choices. */
	private List<Choice> freeStarts(String treatmentId, LocationState location, LocalDate day) {
		Map<String, Object> found = this.services.availability(treatmentId, location.id().value(), day, day, null);
		List<Choice> starts = new ArrayList<>();
		for (Map<String, Object> at : Forms.list(found.get("locations"))) {
			for (Map<String, Object> slot : Forms.list(at.get("slots"))) {
				OffsetDateTime start = OffsetDateTime.parse(String.valueOf(slot.get("start")));
				starts.add(new Choice(start.toString(), Times.time(start, location.zoneId())));
			}
		}
		return starts;
	}

	private static int sessionIndex(ServiceProblem problem, int size) {
		if (problem.property("session") instanceof Number number && number.intValue() >= 1
				&& number.intValue() <= size) {
			return number.intValue() - 1;
		}
		for (String field : problem.fieldErrors().keySet()) {
			int index = startsIndex(field, size);
			if (index >= 0) {
				return index;
			}
		}
		return -1;
	}

	/** The index of a {@code starts[i]} field, or -1. */
	private static int startsIndex(String field, int size) {
		if (!field.startsWith("starts[") || !field.endsWith("]")) {
			return -1;
		}
		try {
			int index = Integer.parseInt(field.substring("starts[".length(), field.length() - 1));
			return index >= 0 && index < size ? index : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static @Nullable OffsetDateTime startOf(Session session, String zone) {
		try {
			return LocalDate.parse(session.date())
				.atTime(LocalTime.parse(session.time()))
				.atZone(ZoneId.of(zone))
				.toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A start as the service writes it, in the location's zone; null if absent. */
	private static @Nullable ZonedDateTime readStart(@Nullable Object value, String zone) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value);
		int bracket = text.indexOf('[');
		try {
			return OffsetDateTime.parse(bracket < 0 ? text : text.substring(0, bracket))
				.atZoneSameInstant(ZoneId.of(zone));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable LocalDate readDate(@Nullable String value) {
		if (BookingPages.blankToNull(value) == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** "3 weeks", "1 month", "10 days". */
	static String spacing(Period period) {
		if (period.getYears() == 0 && period.getMonths() > 0 && period.getDays() == 0) {
			return period.getMonths() + (period.getMonths() == 1 ? " month" : " months");
		}
		int days = period.getDays() + period.getMonths() * 30 + period.getYears() * 365;
		if (days % 7 == 0) {
			return days / 7 + (days == 7 ? " week" : " weeks");
		}
		return days + (days == 1 ? " day" : " days");
	}

	private static TreatmentState.SeriesRule course(TreatmentState treatment) {
		TreatmentState.SeriesRule course = treatment.series();
		if (course == null) {
			throw new PageNotFound("This treatment is not booked as a course.");
		}
		return course;
	}

	private TreatmentState series(String id) {
		TreatmentState treatment = this.catalog.treatment(id)
			.filter(TreatmentState::active)
			.orElseThrow(() -> new PageNotFound("We do not offer this treatment."));
		course(treatment);
		return treatment;
	}

	private LocationState location(TreatmentState treatment, String id) {
		return this.catalog.location(id)
			.filter(LocationState::active)
			.filter(location -> location.treatments().contains(treatment.id()))
			.orElseThrow(() -> new PageNotFound("This course is not given at this location."));
	}

	/**
	 * One session of the plan as the form shows it.
	 *
	 * @param due the day it is due ({@code yyyy-MM-dd}), sent back with the form
	 * @param date the day chosen, as typed
	 * @param time the time chosen ({@code HH:mm}), as typed
	 * @param note what the proposal says of it (nothing free that week)
	 * @param error why it cannot be booked as it is
	 * @param nearest other free starts that day, to choose from
	 */
	public record Session(int number, String due, String dueLabel, String date, String time, @Nullable String note,
			@Nullable String error, List<Choice> nearest) {

		Session refused(String reason, List<Choice> choices) {
			return new Session(this.number, this.due, this.dueLabel, this.date, this.time, this.note, reason, choices);
		}

	}

	/** A start to choose, as sent back and as read. */
	public record Choice(String value, String label) {
	}

}

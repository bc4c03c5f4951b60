package dev.medspa.gateway.pages;

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

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * A whole course as the pages show and send it, for the client's pages
 * ({@link SeriesPages}) and the staff's ({@link SeriesStaffPages}): the first session's
 * free starts, booking-service's proposal as sessions to adjust, the form read back (a
 * nearest start picked in place of its session's), the request's starts, and a refusal
 * put where it belongs: at its session, at a client's field, or above the form. It keeps
 * nothing; each page passes what it has.
 */
final class SeriesPlan {

	private SeriesPlan() {
	}

	/** The course's description and the address its forms go to. */
	static void describe(TreatmentState treatment, LocationState location, String base, Model model) {
		TreatmentState.SeriesRule course = course(treatment);
		model.addAttribute("treatment", treatment);
		model.addAttribute("location", location);
		model.addAttribute("course", course);
		model.addAttribute("recommended", spacing(course.recommendedSpacing()));
		model.addAttribute("minimum", spacing(course.minimumSpacing()));
		model.addAttribute("base", base);
	}

	/**
	 * Why the first session's day cannot be asked for, or null (none given, or a day from
	 * {@code today} to {@code last}).
	 */
	static @Nullable String dayError(@Nullable String date, LocalDate today, LocalDate last) {
		LocalDate day = readDate(date);
		if (BookingPages.blankToNull(date) != null && (day == null || day.isBefore(today) || day.isAfter(last))) {
			return "must be a day from " + Times.day(today) + " to " + Times.day(last) + ", such as " + today;
		}
		return null;
	}

	/**
	 * The first session's day as asked for (why it cannot be, if so) and, once a course
	 * and a day are known, that day's free starts: what the day picker and the first
	 * session's times show.
	 * @param treatmentId the course; null while none is chosen, which shows no times
	 * @param date the day asked for; none yet shows the day picker alone
	 * @param today the first day that can be asked for, in the location's zone
	 * @param last the last day that can be asked for
	 */
	static void firstSession(Services services, @Nullable String treatmentId, LocationState location,
			@Nullable String date, LocalDate today, LocalDate last, Model model) {
		model.addAttribute("today", today);
		model.addAttribute("last", last);
		String dateError = dayError(date, today, last);
		if (dateError != null) {
			model.addAttribute("dateError", dateError);
			model.addAttribute("date", date);
			return;
		}
		LocalDate day = readDate(date);
		model.addAttribute("date", day == null ? "" : day.toString());
		if (treatmentId != null && day != null) {
			model.addAttribute("dayLabel", Times.day(day));
			model.addAttribute("zoneName", Times.zoneName(day, location.zoneId()));
			model.addAttribute("times", freeStarts(services, treatmentId, location, day));
		}
	}

	/** The free starts of a day, as the first session's choices. */
	static List<Choice> freeStarts(Services services, String treatmentId, LocationState location, LocalDate day) {
		Map<String, Object> found = services.availability(treatmentId, location.id().value(), day, day, null);
		List<Choice> starts = new ArrayList<>();
		for (Map<String, Object> at : Forms.list(found.get("locations"))) {
			for (Map<String, Object> slot : Forms.list(at.get("slots"))) {
				OffsetDateTime start = OffsetDateTime.parse(String.valueOf(slot.get("start")));
				starts.add(new Choice(start.toString(), Times.time(start, location.zoneId())));
			}
		}
		return starts;
	}

	/**
	 * The course booking-service proposes from the first start, every session ready to
	 * adjust (see {@link #proposed(List, String)}).
	 * @param first the first session's start, as the first session's times send it
	 */
	static List<Session> proposed(Services services, String treatmentId, String locationId, String first, String zone) {
		OffsetDateTime start = Times.parseStart(first);
		return proposed(services.seriesProposal(treatmentId, locationId, start), zone);
	}

	/**
	 * The course as booking-service proposes it, every session ready to adjust; a session
	 * with nothing free the week it is due gets its due day, no time, and a word why.
	 */
	static List<Session> proposed(List<Map<String, Object>> proposal, String zone) {
		List<Session> sessions = new ArrayList<>();
		for (Map<String, Object> proposed : proposal) {
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
		return sessions;
	}

	/**
	 * The sessions as the form sends them back (one {@code due}, {@code date} and
	 * {@code time} per session, at most the course's number), with the nearest start
	 * picked after a refusal in place of its session's day and time.
	 * @param pick {@code <session number>|<ISO start>}; an unreadable one is ignored
	 */
	static List<Session> posted(MultiValueMap<String, String> params, @Nullable String pick, TreatmentState treatment,
			String zone) {
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
		return sessions;
	}

	/**
	 * Every session's start; null when one has no readable day and time, which is then
	 * said at that session and above the form.
	 * @param today the day given as an example of a readable one
	 */
	static @Nullable List<OffsetDateTime> starts(List<Session> sessions, String zone, LocalDate today, Model model) {
		List<OffsetDateTime> starts = new ArrayList<>();
		boolean unreadable = false;
		for (int i = 0; i < sessions.size(); i++) {
			OffsetDateTime start = startOf(sessions.get(i), zone);
			if (start == null) {
				sessions.set(i, sessions.get(i)
					.refused("Give this session a day and a time, such as " + today + " and 10:00.", List.of()));
				unreadable = true;
			}
			else {
				starts.add(start);
			}
		}
		if (unreadable || sessions.isEmpty()) {
			model.addAttribute("problemText", "Please give every session a day and a time.");
			return null;
		}
		return starts;
	}

	/**
	 * The plan's page: the course's description, every session to adjust and the client's
	 * details.
	 * @param base the address the plan's form goes to
	 */
	static void show(TreatmentState treatment, LocationState location, String base, List<Session> sessions,
			ClientForm form, Model model) {
		describe(treatment, location, base, model);
		model.addAttribute("sessions", sessions);
		model.addAttribute("form", form);
		model.addAttribute("firstDate", sessions.isEmpty() ? "" : sessions.get(0).date());
	}

	/**
	 * The body of {@code POST /api/series} (with the client's e-mail code) and of
	 * {@code POST /api/staff/series} (without).
	 */
	static Map<String, Object> request(String treatmentId, String locationId, List<OffsetDateTime> starts,
			ClientForm form, @Nullable String emailCode) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("treatmentId", treatmentId);
		request.put("locationId", locationId);
		request.put("starts", starts.stream().map(OffsetDateTime::toString).toList());
		if (emailCode != null && !emailCode.isBlank()) {
			request.put("emailCode", emailCode.strip());
		}
		request.put("client", form.client());
		form.addPolicyConsent(request);
		form.addPackageUse(request);
		return request;
	}

	/**
	 * Puts what booking-service said of the course where it belongs: a session that
	 * cannot be had is named with the nearest free starts that day to choose from, a
	 * session's refusal (too close to the one before, a time not free) is said at it, a
	 * client's field error at the field, anything else above the form. Changes the
	 * sessions refused.
	 * @param clientFields the fields of the request the page shows next to its inputs
	 */
	static Refusal refusal(ServiceProblem problem, TreatmentState treatment, String zone, List<Session> sessions,
			Set<String> clientFields) {
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
				return new Refusal(Map.of(),
						"Session " + (index + 1) + when
								+ " cannot be had: someone has taken it, or it is no longer free. Nothing was booked. "
								+ (nearest.isEmpty() ? "Please choose another day for it."
										: "Choose another time for it below."),
						null);
			}
		}
		Map<String, String> clientErrors = new LinkedHashMap<>();
		List<String> elsewhere = new ArrayList<>();
		boolean atASession = false;
		for (Map.Entry<String, String> error : problem.fieldErrors().entrySet()) {
			int index = startsIndex(error.getKey(), sessions.size());
			if (index >= 0) {
				sessions.set(index, sessions.get(index).refused(sessionReason(problem, treatment, error), List.of()));
				atASession = true;
			}
			else if (clientFields.contains(error.getKey())) {
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
		if (problem.is("series-spacing")) {
			return new Refusal(clientErrors, "Some sessions are too close together. Nothing was booked.", null);
		}
		if (!elsewhere.isEmpty()) {
			return new Refusal(clientErrors, "Please check: " + String.join("; ", elsewhere), null);
		}
		if (problem.status() != 400 || clientErrors.isEmpty() && !atASession) {
			return new Refusal(clientErrors, null, Problems.explain(problem));
		}
		return new Refusal(clientErrors, null, null);
	}

	/** Why the service refused a session's start, as it is read next to it. */
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

	static @Nullable LocalDate readDate(@Nullable String value) {
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

	/** The treatment's course; not found when it is not booked as one. */
	static TreatmentState.SeriesRule course(TreatmentState treatment) {
		TreatmentState.SeriesRule course = treatment.series();
		if (course == null) {
			throw new PageNotFound("This treatment is not booked as a course.");
		}
		return course;
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

	/**
	 * What the page says of a refused course besides what it put at the sessions.
	 *
	 * @param fieldErrors the client's fields with their reasons
	 * @param problemText what to say above the form, if anything
	 * @param problem the service's problem explained, if nothing more precise is said
	 */
	record Refusal(Map<String, String> fieldErrors, @Nullable String problemText,
			Problems.@Nullable Explanation problem) {

		/** The same, with this said above the form in place of anything else. */
		Refusal saying(String text) {
			return new Refusal(this.fieldErrors, text, null);
		}

		void show(Model model) {
			model.addAttribute("fieldErrors", this.fieldErrors);
			if (this.problemText != null) {
				model.addAttribute("problemText", this.problemText);
			}
			if (this.problem != null) {
				model.addAttribute("problem", this.problem);
			}
		}

	}

}

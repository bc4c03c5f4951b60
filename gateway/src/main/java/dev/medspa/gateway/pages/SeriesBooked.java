package dev.medspa.gateway.pages;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.WebUtils;

/**
 * A course the client has just booked, kept in their session so that its confirmation
 * (every session with its manage link, shown this once by booking-service) survives a
 * reload; or one a staff member booked for a client, kept apart in the member's session
 * without the manage links (staff open each session's booking by its id).
 */
record SeriesBooked(String seriesId, String treatmentId, String locationId,
		List<BookedSession> sessions) implements Serializable {

	private static final String ATTRIBUTE = "seriesBooked";

	private static final String STAFF_ATTRIBUTE = "staffSeriesBooked";

	SeriesBooked {
		sessions = List.copyOf(sessions);
	}

	/** The series as {@code POST /api/series} answers it. */
	static SeriesBooked of(Map<String, Object> answer, String treatmentId, String locationId) {
		List<BookedSession> sessions = new ArrayList<>();
		for (Map<String, Object> booking : Forms.list(answer.get("sessions"))) {
			Object token = Forms.map(booking.get("manage")).get("token");
			sessions.add(new BookedSession(sessions.size() + 1, String.valueOf(booking.get("id")),
					OffsetDateTime.parse(String.valueOf(booking.get("start"))),
					token == null ? null : String.valueOf(token)));
		}
		Object id = answer.get("seriesId");
		if (id == null || sessions.isEmpty()) {
			throw new IllegalStateException("The series was answered without its id or sessions");
		}
		return new SeriesBooked(String.valueOf(id), treatmentId, locationId, sessions);
	}

	/** The same course without the clients' manage links. */
	SeriesBooked withoutManageLinks() {
		return new SeriesBooked(this.seriesId, this.treatmentId, this.locationId,
				this.sessions.stream()
					.map(session -> new BookedSession(session.number(), session.bookingId(), session.start(), null))
					.toList());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, SeriesBooked> all(HttpSession session, String attribute) {
		Object kept = session.getAttribute(attribute);
		if (kept == null) {
			kept = new LinkedHashMap<String, SeriesBooked>();
			session.setAttribute(attribute, kept);
		}
		return (Map<String, SeriesBooked>) kept;
	}

	static @Nullable SeriesBooked find(HttpSession session, String seriesId) {
		return find(session, ATTRIBUTE, seriesId);
	}

	static void save(HttpSession session, SeriesBooked booked) {
		save(session, ATTRIBUTE, booked);
	}

	/** A course the signed-in member booked for a client. */
	static @Nullable SeriesBooked findForStaff(HttpSession session, String seriesId) {
		return find(session, STAFF_ATTRIBUTE, seriesId);
	}

	/**
	 * Keeps a course the signed-in member booked for a client, without its manage links.
	 */
	static void saveForStaff(HttpSession session, SeriesBooked booked) {
		save(session, STAFF_ATTRIBUTE, booked.withoutManageLinks());
	}

	private static @Nullable SeriesBooked find(HttpSession session, String attribute, String seriesId) {
		synchronized (WebUtils.getSessionMutex(session)) {
			return all(session, attribute).get(seriesId);
		}
	}

	private static void save(HttpSession session, String attribute, SeriesBooked booked) {
		synchronized (WebUtils.getSessionMutex(session)) {
			Map<String, SeriesBooked> all = all(session, attribute);
			all.put(booked.seriesId(), booked);
			while (all.size() > 5) {
				all.remove(all.keySet().iterator().next());
			}
			// written again so that a session store that copies attributes sees the
			// change
			session.setAttribute(attribute, all);
		}
	}

	/**
	 * @param manageToken the client's key to this session's booking
	 */
	record BookedSession(int number, String bookingId, OffsetDateTime start,
			@Nullable String manageToken) implements Serializable {
	}

}

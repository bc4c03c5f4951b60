package dev.medspa.notification.plan;

import java.util.ArrayList;
import java.util.List;

import dev.medspa.events.BookingId;
import dev.medspa.events.booking.BookingConfirmed;

/**
 * A course of sessions booked in one go, as a plan knows it. The client hears of the
 * course in one confirmation, sent from the course's own plan ({@code series-<id>}), and
 * of no session on its own, unless its confirmation came too late for that one.
 *
 * @param seriesId the course, as booking-service names it
 * @param session which session the plan's booking is, from 1; 0 on the course's own plan
 * @param sessions every session's booking id, in order
 * @param listed on the course's plan: the sessions whose confirmation arrived while the
 * course's confirmation was still to be sent; it lists them (less any cancelled by then)
 * @param onTheirOwn on the course's plan: the sessions whose confirmation arrived once
 * the course's confirmation was being sent or gone; each is confirmed by its own message
 */
public record Series(String seriesId, int session, List<String> sessions, List<String> listed,
		List<String> onTheirOwn) {

	public Series {
		sessions = List.copyOf(sessions);
		listed = List.copyOf(listed);
		onTheirOwn = List.copyOf(onTheirOwn);
	}

	/** What a session's plan keeps of its course. */
	static Series of(BookingConfirmed.SeriesSession series) {
		return new Series(series.seriesId(), series.session(), ids(series), List.of(), List.of());
	}

	/** What the course's own plan starts with: the first session heard of. */
	static Series course(BookingConfirmed.SeriesSession series, String firstHeard) {
		return new Series(series.seriesId(), 0, ids(series), List.of(firstHeard), List.of());
	}

	/** Whether this is the course's own plan rather than a session's. */
	public boolean isCourse() {
		return this.session == 0;
	}

	/** Whether the course's plan heard of the session already. */
	boolean heardOf(String bookingId) {
		return this.listed.contains(bookingId) || this.onTheirOwn.contains(bookingId);
	}

	/** Whether every session is listed in the course's confirmation. */
	boolean allListed() {
		return this.listed.containsAll(this.sessions);
	}

	Series listing(String bookingId) {
		return new Series(this.seriesId, this.session, this.sessions, with(this.listed, bookingId), this.onTheirOwn);
	}

	Series confirmingOnItsOwn(String bookingId) {
		return new Series(this.seriesId, this.session, this.sessions, this.listed, with(this.onTheirOwn, bookingId));
	}

	/** The listed sessions, in the course's order. */
	public List<String> listedInOrder() {
		return this.sessions.stream().filter(this.listed::contains).toList();
	}

	private static List<String> ids(BookingConfirmed.SeriesSession series) {
		return series.sessions().stream().map(BookingId::value).toList();
	}

	private static List<String> with(List<String> ids, String id) {
		List<String> more = new ArrayList<>(ids);
		more.add(id);
		return more;
	}

}

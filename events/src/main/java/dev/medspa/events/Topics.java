package dev.medspa.events;

/**
 * Topic names. Catalog topics carry the full state of one entity per record, keyed by its
 * id, and are compacted; the booking topic carries the life events of bookings, keyed by
 * booking id so that one booking stays in order. A deployment may put a prefix in front
 * of every name (see each service's {@code medspa.kafka.topic-prefix}).
 */
public final class Topics {

	public static final String TREATMENTS = "catalog.treatments.v1";

	public static final String LOCATIONS = "catalog.locations.v1";

	public static final String PRACTITIONERS = "catalog.practitioners.v1";

	public static final String BOOKING_EVENTS = "booking.events.v1";

	/** The life events of places on waitlists, keyed by the place's id. */
	public static final String WAITLIST_EVENTS = "booking.waitlist.v1";

	/**
	 * Prepaid packages bought, keyed by package id: what a receipt and the chain's sales
	 * need, never card data.
	 */
	public static final String PACKAGE_EVENTS = "booking.packages.v1";

	/**
	 * Where each booking's intake and consent forms stand, keyed by booking id: statuses
	 * and ids only, never an answer.
	 */
	public static final String INTAKE_EVENTS = "intake.events.v1";

	/**
	 * Suffix of the dead-letter topic that receives what a consumer of a topic could not
	 * process.
	 */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	private Topics() {
	}

}

package dev.medspa.booking.reservation;

import java.util.List;

/**
 * Something else this service keeps about clients besides their bookings (a place on the
 * waitlist, say), found by the client's normalised e-mail: handed over with the bookings
 * in an export and erased with them.
 */
public interface ClientRecords {

	/** What the export calls these records. */
	String name();

	/** The client's records, as an export shows them. */
	List<?> of(String normalizedEmail);

	/**
	 * Erases the client from their records; erasing twice changes nothing.
	 * @return how many records were erased now
	 */
	int erase(String normalizedEmail);

}

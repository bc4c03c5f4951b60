package dev.medspa.intake.intake;

import java.util.List;
import java.util.Optional;

import dev.medspa.support.outbox.OutboxMessage;

/** Where bookings' forms and the answers given are kept (the persistence layer). */
public interface IntakeStore {

	Optional<BookingIntake> intake(String bookingId);

	/**
	 * @return false when the booking's forms were opened already
	 */
	boolean insert(BookingIntake intake);

	/**
	 * Stores the next state if the stored one is still at {@code expectedVersion}, with
	 * the events of the change.
	 */
	boolean update(BookingIntake next, long expectedVersion, List<OutboxMessage> events);

	void insert(Submission submission);

	Optional<Submission> submission(String id);

	List<Submission> submissionsOf(String bookingId);

	List<BookingIntake> intakesOf(String clientEmail);

	Optional<ClientForm> clientForm(String id);

	void save(ClientForm clientForm);

	/** Removes a booking's submissions and the client's pointers to them. */
	void eraseSubmissions(String bookingId);

}

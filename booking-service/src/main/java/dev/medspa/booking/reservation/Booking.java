package dev.medspa.booking.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.medspa.booking.claim.Claim;
import dev.medspa.support.outbox.OutboxMessage;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A booking, and in the same document the events of its last changes until the relay has
 * published them, so a change and its event are one atomic write.
 *
 * @see dev.medspa.support.outbox.OutboxRelay
 */
@Document(Booking.COLLECTION)
public class Booking {

	public static final String COLLECTION = "bookings";

	@Id
	private final String id;

	private final String treatmentId;

	private final String locationId;

	private final String zoneId;

	private final Instant start;

	private final Instant end;

	private final Instant occupiedUntil;

	private final String practitionerId;

	private final String roomId;

	private final Client client;

	private final BookingStatus status;

	private final Instant createdAt;

	private final long version;

	private final List<OutboxMessage> outbox;

	@PersistenceCreator
	Booking(String id, String treatmentId, String locationId, String zoneId, Instant start, Instant end,
			Instant occupiedUntil, String practitionerId, String roomId, Client client, BookingStatus status,
			Instant createdAt, long version, List<OutboxMessage> outbox) {
		this.id = id;
		this.treatmentId = treatmentId;
		this.locationId = locationId;
		this.zoneId = zoneId;
		this.start = start;
		this.end = end;
		this.occupiedUntil = occupiedUntil;
		this.practitionerId = practitionerId;
		this.roomId = roomId;
		this.client = client;
		this.status = status;
		this.createdAt = createdAt;
		this.version = version;
		this.outbox = new ArrayList<>(outbox);
	}

	static Booking confirmed(String id, String treatmentId, String locationId, String zoneId, Instant start,
			Instant end, Claim claim, Client client, Instant now) {
		return new Booking(id, treatmentId, locationId, zoneId, start, end, claim.end(), claim.practitionerId(),
				claim.roomId(), client, BookingStatus.CONFIRMED, now, 1, List.of());
	}

	void record(OutboxMessage message) {
		this.outbox.add(message);
	}

	public String id() {
		return this.id;
	}

	public String treatmentId() {
		return this.treatmentId;
	}

	public String locationId() {
		return this.locationId;
	}

	public String zoneId() {
		return this.zoneId;
	}

	public Instant start() {
		return this.start;
	}

	public Instant end() {
		return this.end;
	}

	/**
	 * Until when the practitioner and room are taken: the end plus the treatment's
	 * clean-up time.
	 */
	public Instant occupiedUntil() {
		return this.occupiedUntil;
	}

	public String practitionerId() {
		return this.practitionerId;
	}

	public String roomId() {
		return this.roomId;
	}

	public Client client() {
		return this.client;
	}

	public BookingStatus status() {
		return this.status;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public long version() {
		return this.version;
	}

	/** The events not yet published. */
	public List<OutboxMessage> outbox() {
		return List.copyOf(this.outbox);
	}

}

package dev.medspa.booking.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.medspa.booking.claim.Claim;
import dev.medspa.support.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A booking, and in the same document the events of its last changes until the relay has
 * published them, so a change and its event are one atomic write. Every change yields the
 * next version.
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

	/**
	 * Raised when the booking moves; its claim on the day sheet is owned by
	 * {@code id#placement}.
	 */
	private final int placement;

	private final Client client;

	private final String manageTokenHash;

	private final BookingStatus status;

	private final Instant createdAt;

	private final @Nullable Instant checkedInAt;

	private final @Nullable Instant completedAt;

	private final @Nullable Instant cancelledAt;

	private final @Nullable String cancelReason;

	/** Why staff booked past the eligibility rules, if they did. */
	private final @Nullable String eligibilityOverride;

	private final long version;

	private final List<OutboxMessage> outbox;

	@PersistenceCreator
	Booking(String id, String treatmentId, String locationId, String zoneId, Instant start, Instant end,
			Instant occupiedUntil, String practitionerId, String roomId, int placement, Client client,
			String manageTokenHash, BookingStatus status, Instant createdAt, @Nullable Instant checkedInAt,
			@Nullable Instant completedAt, @Nullable Instant cancelledAt, @Nullable String cancelReason,
			@Nullable String eligibilityOverride, long version, @Nullable List<OutboxMessage> outbox) {
		this.id = id;
		this.treatmentId = treatmentId;
		this.locationId = locationId;
		this.zoneId = zoneId;
		this.start = start;
		this.end = end;
		this.occupiedUntil = occupiedUntil;
		this.practitionerId = practitionerId;
		this.roomId = roomId;
		this.placement = placement;
		this.client = client;
		this.manageTokenHash = manageTokenHash;
		this.status = status;
		this.createdAt = createdAt;
		this.checkedInAt = checkedInAt;
		this.completedAt = completedAt;
		this.cancelledAt = cancelledAt;
		this.cancelReason = cancelReason;
		this.eligibilityOverride = eligibilityOverride;
		this.version = version;
		this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
	}

	static Booking confirmed(String id, String treatmentId, String locationId, String zoneId, Instant start,
			Instant end, Claim claim, Client client, String manageTokenHash, @Nullable String eligibilityOverride,
			Instant now) {
		return new Booking(id, treatmentId, locationId, zoneId, start, end, claim.end(), claim.practitionerId(),
				claim.roomId(), 1, client, manageTokenHash, BookingStatus.CONFIRMED, now, null, null, null, null,
				eligibilityOverride, 1, List.of());
	}

	/** The owner name of this booking's claim at a placement. */
	static String claimOwner(String id, int placement) {
		return id + "#" + placement;
	}

	/**
	 * The booking a claim's owner names, if the owner is a booking's and not a hold's.
	 */
	static java.util.Optional<String> idOfClaimOwner(String owner) {
		int hash = owner.lastIndexOf('#');
		return hash <= 0 ? java.util.Optional.empty() : java.util.Optional.of(owner.substring(0, hash));
	}

	String claimOwner() {
		return claimOwner(this.id, this.placement);
	}

	Booking movedTo(Instant newStart, Instant newEnd, Claim claim) {
		return new Booking(this.id, this.treatmentId, this.locationId, this.zoneId, newStart, newEnd, claim.end(),
				claim.practitionerId(), claim.roomId(), this.placement + 1, this.client, this.manageTokenHash,
				this.status, this.createdAt, this.checkedInAt, this.completedAt, this.cancelledAt, this.cancelReason,
				this.eligibilityOverride, this.version + 1, this.outbox);
	}

	Booking withStatus(BookingStatus next, Instant at, @Nullable String reason) {
		return new Booking(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end,
				this.occupiedUntil, this.practitionerId, this.roomId, this.placement, this.client, this.manageTokenHash,
				next, this.createdAt, next == BookingStatus.CHECKED_IN ? at : this.checkedInAt,
				next == BookingStatus.COMPLETED ? at : this.completedAt,
				next == BookingStatus.CANCELLED ? at : this.cancelledAt,
				next == BookingStatus.CANCELLED ? reason : this.cancelReason, this.eligibilityOverride,
				this.version + 1, this.outbox);
	}

	/**
	 * The same booking without its client: contact data gone, and free texts staff wrote
	 * about it (a cancellation's reason, an override's) too, since they may name them.
	 */
	Booking withClientErased() {
		return new Booking(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end,
				this.occupiedUntil, this.practitionerId, this.roomId, this.placement, Client.erased(this.id),
				this.manageTokenHash, this.status, this.createdAt, this.checkedInAt, this.completedAt, this.cancelledAt,
				this.cancelReason == null ? null : "(erased)", this.eligibilityOverride == null ? null : "(erased)",
				this.version + 1, this.outbox);
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

	public int placement() {
		return this.placement;
	}

	public Client client() {
		return this.client;
	}

	String manageTokenHash() {
		return this.manageTokenHash;
	}

	public BookingStatus status() {
		return this.status;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public @Nullable Instant checkedInAt() {
		return this.checkedInAt;
	}

	public @Nullable Instant completedAt() {
		return this.completedAt;
	}

	public @Nullable Instant cancelledAt() {
		return this.cancelledAt;
	}

	public @Nullable String cancelReason() {
		return this.cancelReason;
	}

	public @Nullable String eligibilityOverride() {
		return this.eligibilityOverride;
	}

	public long version() {
		return this.version;
	}

	/** The events not yet published. */
	public List<OutboxMessage> outbox() {
		return List.copyOf(this.outbox);
	}

}

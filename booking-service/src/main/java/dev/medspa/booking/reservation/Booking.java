package dev.medspa.booking.reservation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.medspa.booking.claim.Claim;
import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingEvent;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.support.Refusal;
import dev.medspa.support.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A booking, and in the same document the events of its last changes until the relay has
 * published them, so a change and its event are one atomic write. The booking guards its
 * own life: each transition checks that it may happen now and answers a {@link Change},
 * the next version and its event, which {@link Bookings} stores; nothing else makes one.
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

	/**
	 * The cancellation policy version the client accepted; null where none applied, and
	 * in bookings made before policies existed.
	 */
	private final @Nullable PolicyAcceptance policyAcceptance;

	private final long version;

	private final List<OutboxMessage> outbox;

	@PersistenceCreator
	Booking(String id, String treatmentId, String locationId, String zoneId, Instant start, Instant end,
			Instant occupiedUntil, String practitionerId, String roomId, int placement, Client client,
			String manageTokenHash, BookingStatus status, Instant createdAt, @Nullable Instant checkedInAt,
			@Nullable Instant completedAt, @Nullable Instant cancelledAt, @Nullable String cancelReason,
			@Nullable String eligibilityOverride, @Nullable PolicyAcceptance policyAcceptance, long version,
			@Nullable List<OutboxMessage> outbox) {
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
		this.policyAcceptance = policyAcceptance;
		this.version = version;
		this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
	}

	/**
	 * A change of a booking: the state it was decided on, the next state (one version on)
	 * and the event that tells the other services. Stored with
	 * {@link Bookings#store(Change)}, which lets it through only if the booking is still
	 * at the version it was decided on.
	 */
	public record Change(@Nullable Booking before, Booking booking, BookingEvent event) {

		/** The version the change was decided on; 0 for a new booking. */
		long fromVersion() {
			return this.before == null ? 0 : this.before.version();
		}

	}

	/** A new, confirmed booking under no cancellation policy. */
	static Change confirm(String id, String treatmentId, String locationId, String zoneId, Instant start, Instant end,
			Claim claim, Client client, String manageTokenHash, @Nullable String eligibilityOverride, Instant now,
			BookingConfirmed.@Nullable SeriesSession series) {
		return confirm(id, treatmentId, locationId, zoneId, start, end, claim, client, manageTokenHash,
				eligibilityOverride, now, series, null);
	}

	/**
	 * A new, confirmed booking on the claim it won, with the policy version its client
	 * accepted, and its {@link BookingConfirmed}.
	 */
	static Change confirm(String id, String treatmentId, String locationId, String zoneId, Instant start, Instant end,
			Claim claim, Client client, String manageTokenHash, @Nullable String eligibilityOverride, Instant now,
			BookingConfirmed.@Nullable SeriesSession series, @Nullable PolicyAcceptance policyAcceptance) {
		Booking booking = new Booking(id, treatmentId, locationId, zoneId, start, end, claim.end(),
				claim.practitionerId(), claim.roomId(), 1, client, manageTokenHash, BookingStatus.CONFIRMED, now, null,
				null, null, null, eligibilityOverride, policyAcceptance, 1, List.of());
		BookingConfirmed confirmed = new BookingConfirmed(new BookingId(id), booking.version,
				new TreatmentId(treatmentId), new LocationId(locationId), start, end,
				new BookingConfirmed.ClientContact(client.name(), client.email(), client.phone(),
						client.consentToSms()),
				now, new PractitionerId(claim.practitionerId()), null, series);
		return new Change(null, booking, confirmed);
	}

	/** The owner name of this booking's claim at a placement. */
	static String claimOwner(String id, int placement) {
		return id + "#" + placement;
	}

	/**
	 * The booking a claim's owner names, if the owner is a booking's and not a hold's.
	 */
	static Optional<String> idOfClaimOwner(String owner) {
		int hash = owner.lastIndexOf('#');
		return hash <= 0 ? Optional.empty() : Optional.of(owner.substring(0, hash));
	}

	String claimOwner() {
		return claimOwner(this.id, this.placement);
	}

	/** The claim owner the booking takes when it moves next. */
	String nextClaimOwner() {
		return claimOwner(this.id, this.placement + 1);
	}

	/**
	 * Refuses a move that may not be made: only a confirmed booking moves, and a client
	 * moves it only until the cut-off before its start. Checked before a new time is
	 * claimed, and again when the move is made.
	 */
	void checkMovable(Actor by, Instant now) {
		if (this.status != BookingStatus.CONFIRMED) {
			throw Refusal.conflict("not-movable", "Cannot be moved", null,
					"A booking that is " + statusName() + " cannot be moved");
		}
		by.checkCutoff(this, now, "moved");
	}

	/** The booking on the new time it claimed, and its {@link BookingRescheduled}. */
	Change moveTo(Instant newStart, Instant newEnd, Claim claim, Actor by, Instant now) {
		checkMovable(by, now);
		if (!claim.owner().equals(nextClaimOwner())) {
			throw new IllegalArgumentException("The claim " + claim.owner() + " is not this booking's next");
		}
		Booking moved = new Booking(this.id, this.treatmentId, this.locationId, this.zoneId, newStart, newEnd,
				claim.end(), claim.practitionerId(), claim.roomId(), this.placement + 1, this.client,
				this.manageTokenHash, this.status, this.createdAt, this.checkedInAt, this.completedAt, this.cancelledAt,
				this.cancelReason, this.eligibilityOverride, this.policyAcceptance, this.version + 1, this.outbox);
		return new Change(this, moved,
				new BookingRescheduled(new BookingId(this.id), moved.version, new LocationId(this.locationId),
						new PractitionerId(claim.practitionerId()), this.start, newStart, newEnd, now));
	}

	/**
	 * Cancelled, while it still holds its slot; a client cancels only a confirmed booking
	 * and only until the cut-off.
	 * @param reason why, required from staff; kept here, never sent on
	 */
	Change cancel(Actor by, @Nullable String reason, Instant now) {
		return cancel(by, reason, null, now);
	}

	/**
	 * Cancelled, with a code that says why the clinic cancelled, which the event carries
	 * so that the client's message can be worded from it.
	 * @param clinicReason for example {@code INTAKE_NOT_SUITABLE_NOW}; only staff give
	 * one
	 */
	Change cancel(Actor by, @Nullable String reason, @Nullable String clinicReason, Instant now) {
		if (by.client() && clinicReason != null) {
			throw new IllegalArgumentException("A client's cancellation has no clinic reason");
		}
		if (!this.status.holdsItsSlot() || (by.client() && this.status != BookingStatus.CONFIRMED)) {
			throw Refusal.conflict("not-cancellable", "Cannot be cancelled", null,
					"A booking that is " + statusName() + " cannot be cancelled");
		}
		by.checkCutoff(this, now, "cancelled");
		return new Change(this, withStatus(BookingStatus.CANCELLED, now, reason),
				new BookingCancelled(new BookingId(this.id), this.version + 1, by.client(), now, clinicReason));
	}

	/**
	 * The client has arrived: from the start of the booking's local day until its end.
	 */
	Change checkIn(Instant now) {
		requireStatus(BookingStatus.CONFIRMED, "checked in");
		ZoneId zone = ZoneId.of(this.zoneId);
		Instant dayStart = this.start.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
		if (now.isBefore(dayStart) || !now.isBefore(this.end)) {
			throw Refusal.conflict("not-today", "Not today", null,
					"A client can be checked in on the day of the booking, until it ends");
		}
		return new Change(this, withStatus(BookingStatus.CHECKED_IN, now, null),
				new BookingCheckedIn(new BookingId(this.id), this.version + 1, now));
	}

	/**
	 * The treatment was given.
	 * @param endedAt when it really ended, which aftercare is timed from; now if not
	 * given
	 */
	Change complete(@Nullable Instant endedAt, Instant now) {
		requireStatus(BookingStatus.CHECKED_IN, "completed");
		Instant ended = endedAt != null ? endedAt : now;
		if (!ended.isAfter(this.start) || ended.isAfter(now)) {
			throw Refusal.invalid("endedAt", "must be after the booking's start and not in the future");
		}
		return new Change(this, withStatus(BookingStatus.COMPLETED, ended, null), new BookingCompleted(
				new BookingId(this.id), this.version + 1, new TreatmentId(this.treatmentId), ended));
	}

	/** The client did not come: recorded once the start has passed. */
	Change markNoShow(Instant now) {
		requireStatus(BookingStatus.CONFIRMED, "marked as a no-show");
		if (now.isBefore(this.start)) {
			throw Refusal.conflict("not-started", "Not started", null,
					"A no-show can be recorded only after the booking's start");
		}
		return new Change(this, withStatus(BookingStatus.NO_SHOW, now, null),
				new BookingNoShow(new BookingId(this.id), this.version + 1, now));
	}

	/**
	 * The same booking without its client: contact data gone, and free texts staff wrote
	 * about it (a cancellation's reason, an override's) too, since they may name them.
	 * Nothing if the client was erased already.
	 */
	Optional<Change> eraseClient(Instant now) {
		if (this.client.isErased()) {
			return Optional.empty();
		}
		Booking erased = new Booking(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end,
				this.occupiedUntil, this.practitionerId, this.roomId, this.placement, Client.erased(this.id),
				this.manageTokenHash, this.status, this.createdAt, this.checkedInAt, this.completedAt, this.cancelledAt,
				this.cancelReason == null ? null : "(erased)", this.eligibilityOverride == null ? null : "(erased)",
				this.policyAcceptance, this.version + 1, this.outbox);
		return Optional
			.of(new Change(this, erased, new BookingClientErased(new BookingId(this.id), this.version + 1, now)));
	}

	private Booking withStatus(BookingStatus next, Instant at, @Nullable String reason) {
		return new Booking(this.id, this.treatmentId, this.locationId, this.zoneId, this.start, this.end,
				this.occupiedUntil, this.practitionerId, this.roomId, this.placement, this.client, this.manageTokenHash,
				next, this.createdAt, next == BookingStatus.CHECKED_IN ? at : this.checkedInAt,
				next == BookingStatus.COMPLETED ? at : this.completedAt,
				next == BookingStatus.CANCELLED ? at : this.cancelledAt,
				next == BookingStatus.CANCELLED ? reason : this.cancelReason, this.eligibilityOverride,
				this.policyAcceptance, this.version + 1, this.outbox);
	}

	private void requireStatus(BookingStatus expected, String what) {
		if (this.status != expected) {
			throw Refusal.conflict("wrong-status", "Not possible now", null,
					"A booking that is " + statusName() + " cannot be " + what);
		}
	}

	private String statusName() {
		return this.status.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Who changes a booking: its client, who may move or cancel it online only until the
	 * cut-off before its start, or staff, who may at any time.
	 */
	record Actor(boolean client, Duration cutoff) {

		static Actor staff() {
			return new Actor(false, Duration.ZERO);
		}

		static Actor client(Duration cutoff) {
			return new Actor(true, cutoff);
		}

		void checkCutoff(Booking booking, Instant now, String what) {
			if (this.client && now.isAfter(booking.start().minus(this.cutoff))) {
				throw Refusal.conflict("too-late", "Too late to change online", null, "A booking can be " + what
						+ " online until " + this.cutoff.toHours() + " hours before it starts; please call the clinic");
			}
		}

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

	public @Nullable PolicyAcceptance policyAcceptance() {
		return this.policyAcceptance;
	}

	public long version() {
		return this.version;
	}

	/** The events not yet published. */
	public List<OutboxMessage> outbox() {
		return List.copyOf(this.outbox);
	}

}

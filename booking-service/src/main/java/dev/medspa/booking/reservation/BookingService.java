package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.medspa.booking.availability.Availability;
import dev.medspa.booking.availability.BookingPolicy;
import dev.medspa.booking.availability.SlotRules;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheet;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.booking.payment.Payments;
import dev.medspa.booking.policy.Policies;
import dev.medspa.booking.prepaid.Packages;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.support.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.medspa.support.links.ManageLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Makes bookings. A booking first claims its practitioner and room on the location's day
 * sheet (the database lets only one of two overlapping claims through), then is stored
 * with its {@link BookingConfirmed} event in one insert; the outbox relay publishes the
 * event. A crash between the two leaves a claim without a booking, which blocks a slot
 * but never lets two bookings share one.
 */
@Service
public class BookingService {

	private final CatalogReadModel catalog;

	private final Availability availability;

	private final DaySheets daySheets;

	private final Bookings bookings;

	private final Eligibility eligibility;

	private final EmailProof emailProof;

	private final Attention attention;

	private final ManageLinks links;

	private final Clock clock;

	private final Counter holdsTaken;

	private final Counter holdsReleased;

	private final Policies policies;

	private final Payments payments;

	private final Packages packages;

	BookingService(CatalogReadModel catalog, Availability availability, DaySheets daySheets, Bookings bookings,
			Eligibility eligibility, EmailProof emailProof, Attention attention, ManageLinks links, Clock clock,
			MeterRegistry meters, Policies policies, Payments payments, Packages packages) {
		this.policies = policies;
		this.payments = payments;
		this.packages = packages;
		this.holdsTaken = Counter.builder("medspa.holds")
			.description("Slots held for checkout, and holds let go before they expired")
			.tag("outcome", "taken")
			.register(meters);
		this.holdsReleased = Counter.builder("medspa.holds").tag("outcome", "released").register(meters);
		this.attention = attention;
		this.links = links;
		this.catalog = catalog;
		this.availability = availability;
		this.daySheets = daySheets;
		this.bookings = bookings;
		this.eligibility = eligibility;
		this.emailProof = emailProof;
		this.clock = clock;
	}

	/**
	 * A new booking and the client's key to it, which is not stored and cannot be shown
	 * again.
	 */
	public record Booked(Booking booking, String manageToken) {
	}

	/**
	 * What a request names, checked: the treatment, the location and a start in the
	 * future.
	 */
	private record Target(CatalogTreatment treatment, CatalogLocation location, Instant start, LocalDate day) {
	}

	private Target target(String treatmentId, String locationId, OffsetDateTime requestedStart) {
		CatalogTreatment treatment = this.catalog.treatment(treatmentId)
			.orElseThrow(() -> Refusal.unprocessable("unknown-treatment", "Unknown treatment", "treatmentId",
					"No treatment has the id " + treatmentId));
		if (!treatment.active()) {
			throw Refusal.unprocessable("treatment-retired", "Treatment retired", "treatmentId",
					treatment.name() + " is no longer offered");
		}
		CatalogLocation location = this.catalog.location(locationId)
			.filter(CatalogLocation::active)
			.orElseThrow(() -> Refusal.unprocessable("unknown-location", "Unknown location", "locationId",
					"No open location has the id " + locationId));
		if (!location.offers(treatment.id())) {
			throw Refusal.unprocessable("treatment-not-offered", "Treatment not offered here", "treatmentId",
					treatment.name() + " is not offered at " + location.name());
		}
		Instant now = this.clock.instant();
		Instant start = requestedStart.toInstant();
		if (!start.isAfter(now)) {
			throw Refusal.unprocessable("start-in-past", "Start in the past", "start",
					"The start " + requestedStart + " has already passed");
		}
		return new Target(treatment, location, start, start.atZone(location.zone()).toLocalDate());
	}

	/**
	 * Holds a slot for checkout: a claim on the day sheet that lets go by itself after
	 * the hold duration, decided by this code, not by a TTL index.
	 */
	public HoldTaken hold(String treatmentId, String locationId, OffsetDateTime start,
			@Nullable String practitionerId) {
		return hold(treatmentId, locationId, start, practitionerId, UUID.randomUUID().toString(),
				this.availability.policy().holdDuration());
	}

	/**
	 * Holds a slot for as long as given, under a name of the caller's (without
	 * underscores): a waitlist offer holds its slot until the offer expires.
	 */
	public HoldTaken hold(String treatmentId, String locationId, OffsetDateTime start, @Nullable String practitionerId,
			String name, Duration duration) {
		return hold(treatmentId, locationId, start, practitionerId, name, duration, this.availability.policy());
	}

	/**
	 * Holds a slot under a policy of the caller's: a course's later sessions reach past
	 * the horizon.
	 */
	public HoldTaken hold(String treatmentId, String locationId, OffsetDateTime start, @Nullable String practitionerId,
			String name, Duration duration, BookingPolicy policy) {
		if (name.contains("_")) {
			throw new IllegalArgumentException("A hold's name has no underscore: " + name);
		}
		Target target = target(treatmentId, locationId, start);
		String holdId = holdId(target.location().id(), target.day(), name);
		Instant expiresAt = this.clock.instant().plus(duration);
		Claim claim = this.daySheets.claim(target.location().id(), target.day(),
				sheet -> decide(target.treatment(), target.location(), sheet, target.start(), holdOwner(holdId),
						practitionerId, null, policy)
					.as(holdOwner(holdId), Claim.Kind.HOLD, expiresAt));
		this.holdsTaken.increment();
		return new HoldTaken(holdId, claim, expiresAt, target.location().zone());
	}

	/** Lets a hold go before it expires; a hold that is gone already changes nothing. */
	public void releaseHold(String holdId) {
		HoldRef ref = HoldRef.parse(holdId);
		this.daySheets.release(ref.locationId(), ref.day(), holdOwner(holdId));
		this.holdsReleased.increment();
	}

	/** The id of a hold taken under a name at a location on a local day. */
	public static String holdId(String locationId, LocalDate day, String name) {
		return locationId + "_" + day + "_" + name;
	}

	/** A hold, with the zone of its location to show its times in. */
	public record HoldTaken(String holdId, Claim claim, Instant expiresAt, ZoneId zone) {
	}

	private static String holdOwner(String holdId) {
		return "hold:" + holdId;
	}

	/**
	 * Where a hold lives: its id names the location and day, so it is found by id alone.
	 */
	private record HoldRef(String locationId, LocalDate day) {

		static HoldRef parse(String holdId) {
			String[] parts = holdId.split("_");
			try {
				if (parts.length == 3) {
					return new HoldRef(parts[0], LocalDate.parse(parts[1]));
				}
			}
			catch (java.time.format.DateTimeParseException ex) {
				// falls through to the refusal
			}
			throw Refusal.unprocessable("unknown-hold", "Unknown hold", "holdId", "No hold has the id " + holdId);
		}

	}

	public Booked book(NewBooking request) {
		return book(request, UUID.randomUUID().toString());
	}

	/**
	 * Books under an id chosen beforehand (see {@link IdempotentBookings}, and waitlist
	 * offers, whose booking id follows from the offer's).
	 */
	public Booked book(NewBooking request, String id) {
		Target target = target(request.treatmentId(), request.locationId(), request.start());
		CatalogTreatment treatment = target.treatment();
		CatalogLocation location = target.location();
		Instant start = target.start();
		Instant now = this.clock.instant();
		// a package's sessions belong to an address: whoever uses one shows it is theirs
		if (!request.byStaff() && !request.emailProven() && (EmailProof.needed(treatment) || request.usePackage())) {
			this.emailProof.require(request.client(), request.emailCode());
		}
		if (request.eligibilityOverride() == null) {
			this.eligibility.check(treatment, request.client(), start, null);
		}
		Optional<Policies.Accepted> accepted = this.policies.requireAccepted(treatment.id(), location.id(),
				request.acceptedPolicyVersion(), request.paymentMethod(), request.usePackage());
		LocalDate day = target.day();
		String owner = Booking.claimOwner(id, 1);
		Claim claim = request.holdId() == null
				? this.daySheets.claim(location.id(), day, sheet -> decide(treatment, location, sheet, start, owner,
						request.practitionerId(), null, this.availability.policy()))
				: fromHold(request.holdId(), target, owner);
		ensureStillScheduled(claim, location, day);
		Instant end = start.plus(treatment.appointmentLength());
		String token = this.links.token(id);
		PolicyAcceptance acceptance = accepted
			.map(policy -> new PolicyAcceptance(policy.policyId(), policy.version(), now))
			.orElse(null);
		Booking.Change confirmed = Booking.confirm(id, treatment.id(), location.id(), location.zoneId(), start, end,
				claim, request.client(), ManageTokens.hashOf(token), request.eligibilityOverride(), now,
				request.series(), acceptance);
		boolean held = false;
		try {
			// the deposit, or a session of a package, is taken before the booking is
			// confirmed: a declined card or an empty package books nothing
			if (request.usePackage()) {
				held = this.packages.hold(id, request.client().normalizedEmail(), treatment.id(), start,
						Packages.Forfeits.of(accepted.map(Policies.Accepted::terms).orElse(null)));
			}
			else if (accepted.isPresent()) {
				this.payments.atBooking(id, location.id(), accepted.get(), request.paymentMethod());
			}
			this.bookings.add(confirmed);
		}
		catch (RuntimeException ex) {
			this.daySheets.release(location.id(), day, owner);
			if (held) {
				this.packages.release(id);
			}
			throw ex;
		}
		if (request.usePackage()) {
			this.packages.bookingStored(id);
		}
		else if (accepted.isPresent()) {
			this.payments.bookingStored(id);
		}
		Booking booking = confirmed.booking();
		return new Booked(booking, token);
	}

	/**
	 * Turns a live hold for the same location and start into the booking's claim, in one
	 * write.
	 */
	private Claim fromHold(String holdId, Target target, String owner) {
		HoldRef ref = HoldRef.parse(holdId);
		if (!ref.locationId().equals(target.location().id()) || !ref.day().equals(target.day())) {
			throw Refusal.unprocessable("hold-mismatch", "Hold does not match", "holdId",
					"The hold is for another location or day");
		}
		String holdOwner = holdOwner(holdId);
		return this.daySheets.replace(ref.locationId(), ref.day(), holdOwner, sheet -> {
			Claim hold = sheet.live(this.clock.instant())
				.stream()
				.filter(claim -> claim.owner().equals(holdOwner))
				.findFirst()
				.orElseThrow(() -> Refusal.conflict("hold-expired", "Hold expired", "holdId",
						"The hold has expired or was released; choose a time again"));
			Instant end = target.start()
				.plus(target.treatment().appointmentLength())
				.plus(target.treatment().cleanup());
			if (!hold.start().equals(target.start()) || !hold.end().equals(end)) {
				throw Refusal.unprocessable("hold-mismatch", "Hold does not match", "start",
						"The hold is for another start or treatment");
			}
			return hold.as(owner, Claim.Kind.BOOKING, null);
		});
	}

	/**
	 * The claim a booking may take at a start on a sheet, or the refusal that says why it
	 * may not; a start that is never offered comes with the nearest that are.
	 * @param ignoring a booking's earlier claim, disregarded while it moves
	 */
	private Claim decide(CatalogTreatment treatment, CatalogLocation location, DaySheet sheet, Instant start,
			String owner, @Nullable String practitionerId, @Nullable String ignoring, BookingPolicy policy) {
		SlotRules rules = this.availability.rules(treatment, location, sheet, practitionerId, ignoring, policy);
		return switch (rules.verdict(start)) {
			case OUTSIDE_BOOKING_WINDOW -> throw Refusal.unprocessable("outside-booking-window",
					"Outside the booking window", "start", "Bookings close " + rules.policy().minimumNotice()
							+ " before they start and open " + rules.policy().horizon().toDays() + " days ahead");
			case OFF_GRID -> throw withNearest(
					Refusal.unprocessable("off-grid", "Not a bookable start", "start", "Bookings start every "
							+ rules.policy().slotStep().toMinutes() + " minutes from midnight at " + location.name()),
					rules, start, location);
			case CLOSED -> throw withNearest(Refusal.unprocessable("location-closed", "Location closed", "start",
					location.name() + " is not open for the whole of that time"), rules, start, location);
			case NOT_WORKING -> throw withNearest(
					Refusal.unprocessable("not-available", "Not available", "start",
							"No qualified practitioner works at " + location.name() + " for the whole of that time"),
					rules, start, location);
			case TAKEN -> throw Refusal.conflict("slot-taken", "Slot taken", "start", taken(rules.at(start)));
			case FREE -> {
				SlotRules.Slot slot = rules.first(start);
				yield new Claim(owner, Claim.Kind.BOOKING, slot.practitioners().get(0).id(), slot.rooms().get(0),
						slot.devices() == null ? List.of() : slot.devices(), start, slot.end(), null);
			}
		};
	}

	/** Says what is no longer free at a start: the practitioner, the room or a device. */
	private static String taken(SlotRules.Slot slot) {
		String what = slot.practitioners().isEmpty() ? "No qualified practitioner is"
				: slot.rooms().isEmpty() ? "No room is" : "A device the treatment needs is not";
		return what + " free at that time any more; choose another";
	}

	/** Names the starts of that day that could be had instead, nearest first in time. */
	private static Refusal withNearest(Refusal refusal, SlotRules rules, Instant start, CatalogLocation location) {
		return refusal.with("nearestStarts",
				rules.nearest(start, 4)
					.stream()
					.map(nearest -> nearest.atZone(location.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
					.toList());
	}

	/**
	 * Checks, after the claim is won, that the practitioner's schedule still has them
	 * there; a schedule change that came in meanwhile wins, and the claim is let go.
	 */
	private void ensureStillScheduled(Claim claim, CatalogLocation location, LocalDate day) {
		if (!this.availability.scheduled(claim.practitionerId(), location, claim.start(), claim.end())) {
			this.daySheets.release(location.id(), day, claim.owner());
			throw Refusal.unprocessable("not-available", "Not available", "start",
					"The practitioner's hours changed just now; choose a time again");
		}
	}

	/**
	 * The booking a client's key opens, while the booking is not over; otherwise nothing,
	 * whatever the reason.
	 */
	public Optional<Booking> byManageToken(String token) {
		Instant now = this.clock.instant();
		boolean derived = this.links.bookingId(token).isPresent();
		return this.links.bookingId(token)
			.or(() -> ManageTokens.bookingId(token))
			.flatMap(this::find)
			.filter(booking -> derived || ManageTokens.matches(token, booking.manageTokenHash()))
			.filter(booking -> now.isBefore(booking.end()));
	}

	/**
	 * Moves a confirmed booking. The new time is claimed first; the booking then switches
	 * to it in one compare-and-set; only then is the old time released. If the booking
	 * changed meanwhile, the new claim is released and the move refused, so the old time
	 * is let go only once the new one is won.
	 * @param byClient clients may move a booking only until the cut-off before its start
	 */
	public Booking reschedule(String id, OffsetDateTime newStart, @Nullable String practitionerId, boolean byClient) {
		Booking current = this.bookings.existing(id);
		Instant now = this.clock.instant();
		Booking.Actor by = actor(byClient);
		current.checkMovable(by, now);
		CatalogTreatment treatment = this.catalog.treatment(current.treatmentId())
			.filter(CatalogTreatment::active)
			.orElseThrow(() -> Refusal.unprocessable("treatment-retired", "Treatment retired", "start",
					"The treatment is no longer offered; cancel and book another"));
		CatalogLocation location = this.catalog.location(current.locationId())
			.filter(CatalogLocation::active)
			.orElseThrow(() -> Refusal.unprocessable("unknown-location", "Location closed", "start",
					"The location is closed; cancel and book another"));
		Instant start = newStart.toInstant();
		if (current.eligibilityOverride() == null) {
			this.eligibility.check(treatment, current.client(), start, current.id());
		}
		LocalDate day = start.atZone(location.zone()).toLocalDate();
		String newOwner = current.nextClaimOwner();
		Claim claim = this.daySheets.claim(location.id(), day, current.claimOwner(), sheet -> decide(treatment,
				location, sheet, start, newOwner, practitionerId, current.claimOwner(), this.availability.policy()));
		ensureStillScheduled(claim, location, day);
		Booking.Change moved;
		try {
			moved = current.moveTo(start, start.plus(treatment.appointmentLength()), claim, by, now);
		}
		catch (RuntimeException refused) {
			this.daySheets.release(location.id(), day, newOwner);
			throw refused;
		}
		if (!this.bookings.store(moved)) {
			this.daySheets.release(location.id(), day, newOwner);
			throw Refusal.stale("The booking", this.bookings.existing(id).version());
		}
		release(current);
		this.attention.settled(id);
		this.packages.moved(id, start);
		return moved.booking();
	}

	/**
	 * Cancels a booking and frees its practitioner and room.
	 * @param reason why, required from staff; kept here, never sent on
	 */
	public Booking cancel(String id, boolean byClient, @Nullable String reason) {
		return cancel(this.bookings.existing(id), byClient, reason, null);
	}

	/**
	 * Cancels a booking as the clinic, for a reason that did not come from a staff
	 * request (a practitioner declined the treatment after the health review), the way
	 * staff cancel one: the slot is freed and a deposit refunded, and the event carries
	 * the reason's code. A booking that no longer holds its slot (cancelled, completed, a
	 * no-show) is left as it is, so asking again changes nothing.
	 * @param reason what staff read about it, kept here
	 * @param clinicReason the code the event carries, such as
	 * {@code INTAKE_NOT_SUITABLE_NOW}
	 * @return the cancelled booking, or empty when it was no longer cancellable
	 */
	public Optional<Booking> cancelByClinic(String id, String reason, String clinicReason) {
		for (int attempt = 0; attempt < 5; attempt++) {
			Booking current = this.bookings.existing(id);
			if (!current.status().holdsItsSlot()) {
				return Optional.empty();
			}
			try {
				return Optional.of(cancel(current, false, reason, clinicReason));
			}
			catch (Refusal refused) {
				// changed meanwhile (checked in, moved): decide again on what is stored
				// now
				if (refused.kind() != Refusal.Kind.STALE) {
					throw refused;
				}
			}
		}
		throw Refusal.stale("The booking", this.bookings.existing(id).version());
	}

	private Booking cancel(Booking current, boolean byClient, @Nullable String reason, @Nullable String clinicReason) {
		Booking cancelled = store(current.cancel(actor(byClient), reason, clinicReason, this.clock.instant()));
		release(current);
		Instant cancelledAt = java.util.Objects.requireNonNull(cancelled.cancelledAt());
		if (current.policyAcceptance() != null) {
			this.payments.cancelled(current.id(), current.start(), byClient, cancelledAt);
		}
		this.packages.cancelled(current.id(), current.start(), byClient, cancelledAt);
		return cancelled;
	}

	/** The client has arrived: from the start of the booking's day until its end. */
	public Booking checkIn(String id) {
		return store(this.bookings.existing(id).checkIn(this.clock.instant()));
	}

	/**
	 * The treatment was given.
	 * @param endedAt when it really ended, which aftercare is timed from; now if not
	 * given
	 */
	public Booking complete(String id, @Nullable Instant endedAt) {
		return store(this.bookings.existing(id).complete(endedAt, this.clock.instant()));
	}

	/**
	 * The client did not come; recorded once the start has passed, and the slot is freed.
	 */
	public Booking noShow(String id) {
		Booking current = this.bookings.existing(id);
		Booking marked = store(current.markNoShow(this.clock.instant()));
		release(current);
		if (current.policyAcceptance() != null) {
			this.payments.noShow(id);
		}
		this.packages.noShow(id);
		return marked;
	}

	/**
	 * Erases the client from one booking, with the event that tells the other services to
	 * do the same; nothing if it was erased already.
	 * @return whether this call erased it
	 */
	boolean eraseClient(String id) {
		for (int attempt = 0; attempt < 5; attempt++) {
			Optional<Booking.Change> erased = this.bookings.existing(id).eraseClient(this.clock.instant());
			if (erased.isEmpty()) {
				return false;
			}
			if (this.bookings.store(erased.get())) {
				return true;
			}
		}
		throw Refusal.stale("The booking", this.bookings.existing(id).version());
	}

	/**
	 * Stores a change of status; a booking that no longer holds its slot needs no
	 * attention.
	 */
	private Booking store(Booking.Change change) {
		if (!this.bookings.store(change)) {
			throw Refusal.stale("The booking", this.bookings.existing(change.booking().id()).version());
		}
		if (!change.booking().status().holdsItsSlot()) {
			this.attention.settled(change.booking().id());
		}
		return change.booking();
	}

	private Booking.Actor actor(boolean byClient) {
		return byClient ? Booking.Actor.client(this.availability.policy().clientChangeCutoff()) : Booking.Actor.staff();
	}

	private void release(Booking booking) {
		ZoneId zone = ZoneId.of(booking.zoneId());
		this.daySheets.release(booking.locationId(), booking.start().atZone(zone).toLocalDate(), booking.claimOwner());
	}

	/**
	 * The confirmed booking that a claim's owner names, if that claim is still the one it
	 * holds: what a change affects.
	 */
	Optional<Booking> confirmedHolding(String claimOwner) {
		return Booking.idOfClaimOwner(claimOwner)
			.flatMap(this::find)
			.filter(booking -> booking.status() == BookingStatus.CONFIRMED && booking.claimOwner().equals(claimOwner));
	}

	public Optional<Booking> find(String id) {
		return this.bookings.byId(id);
	}

}

package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import dev.medspa.booking.availability.Availability;
import dev.medspa.booking.availability.SlotRules;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheets;
import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.support.Refusal;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.support.outbox.OutboxTrigger;

import org.springframework.data.mongodb.core.MongoTemplate;
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

	private final MongoTemplate mongo;

	private final OutboxMessages messages;

	private final OutboxTrigger outbox;

	private final Clock clock;

	BookingService(CatalogReadModel catalog, Availability availability, DaySheets daySheets, MongoTemplate mongo,
			OutboxMessages messages, OutboxTrigger outbox, Clock clock) {
		this.catalog = catalog;
		this.availability = availability;
		this.daySheets = daySheets;
		this.mongo = mongo;
		this.messages = messages;
		this.outbox = outbox;
		this.clock = clock;
	}

	public Booking book(NewBooking request) {
		CatalogTreatment treatment = this.catalog.treatment(request.treatmentId())
			.orElseThrow(() -> Refusal.unprocessable("unknown-treatment", "Unknown treatment", "treatmentId",
					"No treatment has the id " + request.treatmentId()));
		if (!treatment.active()) {
			throw Refusal.unprocessable("treatment-retired", "Treatment retired", "treatmentId",
					treatment.name() + " is no longer offered");
		}
		CatalogLocation location = this.catalog.location(request.locationId())
			.filter(CatalogLocation::active)
			.orElseThrow(() -> Refusal.unprocessable("unknown-location", "Unknown location", "locationId",
					"No open location has the id " + request.locationId()));
		if (!location.offers(treatment.id())) {
			throw Refusal.unprocessable("treatment-not-offered", "Treatment not offered here", "treatmentId",
					treatment.name() + " is not offered at " + location.name());
		}
		Instant now = this.clock.instant();
		Instant start = request.start().toInstant();
		if (!start.isAfter(now)) {
			throw Refusal.unprocessable("start-in-past", "Start in the past", "start",
					"The start " + request.start() + " has already passed");
		}
		String id = UUID.randomUUID().toString();
		LocalDate day = start.atZone(location.zone()).toLocalDate();
		Claim claim = this.daySheets.claim(location.id(), day, sheet -> {
			SlotRules rules = this.availability.rules(treatment, location, sheet, request.practitionerId());
			return switch (rules.verdict(start)) {
				case OUTSIDE_BOOKING_WINDOW -> throw Refusal.unprocessable("outside-booking-window",
						"Outside the booking window", "start", "Bookings close " + rules.policy().minimumNotice()
								+ " before they start and open " + rules.policy().horizon().toDays() + " days ahead");
				case NOT_WORKING -> throw Refusal.unprocessable("not-available", "Not available", "start",
						"No qualified practitioner works at " + location.name() + " for the whole of that time");
				case TAKEN -> throw Refusal.conflict("slot-taken", "Slot taken", "start",
						"That time was just taken; choose another");
				case FREE -> {
					SlotRules.Slot slot = rules.at(start);
					yield new Claim(id, Claim.Kind.BOOKING, slot.practitioners().get(0).id(), slot.rooms().get(0),
							start, slot.end(), null);
				}
			};
		});
		Instant end = start.plus(treatment.appointmentLength());
		Booking booking = Booking.confirmed(id, treatment.id(), location.id(), location.zoneId(), start, end, claim,
				request.client(), now);
		BookingConfirmed confirmed = new BookingConfirmed(new BookingId(id), booking.version(),
				new TreatmentId(treatment.id()), new LocationId(location.id()), start, end,
				new BookingConfirmed.ClientContact(booking.client().name(), booking.client().email(),
						booking.client().phone()),
				now, new PractitionerId(claim.practitionerId()));
		booking.record(this.messages.of(id, confirmed, now));
		try {
			this.mongo.insert(booking);
		}
		catch (RuntimeException ex) {
			this.daySheets.release(location.id(), day, id);
			throw ex;
		}
		this.outbox.publishSoon(Booking.COLLECTION, id);
		return booking;
	}

	public Optional<Booking> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Booking.class));
	}

}

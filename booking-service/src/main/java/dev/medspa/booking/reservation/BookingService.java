package dev.medspa.booking.reservation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.events.BookingId;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.support.Refusal;
import dev.medspa.support.outbox.OutboxMessages;
import dev.medspa.support.outbox.OutboxTrigger;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Makes bookings. The booking and its {@link BookingConfirmed} event are stored in one
 * insert; the outbox relay publishes the event.
 */
@Service
public class BookingService {

	private final CatalogReadModel catalog;

	private final MongoTemplate mongo;

	private final OutboxMessages messages;

	private final OutboxTrigger outbox;

	private final Clock clock;

	BookingService(CatalogReadModel catalog, MongoTemplate mongo, OutboxMessages messages, OutboxTrigger outbox,
			Clock clock) {
		this.catalog = catalog;
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
		Instant end = start.plus(treatment.appointmentLength());
		Booking booking = Booking.confirmed(UUID.randomUUID().toString(), treatment.id(), location.id(),
				location.zoneId(), start, end, end.plus(treatment.cleanup()), request.client(), now);
		BookingConfirmed confirmed = new BookingConfirmed(new BookingId(booking.id()), booking.version(),
				new TreatmentId(treatment.id()), new LocationId(location.id()), start, end,
				new BookingConfirmed.ClientContact(booking.client().name(), booking.client().email(),
						booking.client().phone()),
				now);
		booking.record(this.messages.of(booking.id(), confirmed, now));
		this.mongo.insert(booking);
		this.outbox.publishSoon(Booking.COLLECTION, booking.id());
		return booking;
	}

	public Optional<Booking> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Booking.class));
	}

}

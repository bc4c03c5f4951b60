package dev.medspa.notification.confirmation;

import java.util.Optional;

import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.notification.catalog.CatalogReadModel;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.catalog.TreatmentSummary;
import dev.medspa.notification.config.NotificationProperties;
import dev.medspa.notification.delivery.Delivery;
import dev.medspa.notification.delivery.DeliveryLedger;
import dev.medspa.notification.mail.EmailSender;
import dev.medspa.notification.mail.EmailSender.EmailRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Sends the confirmation of a booking exactly once to the client: the delivery is claimed
 * in the ledger before sending and marked after, so a redelivered or duplicated event
 * finds it sent and sends nothing.
 */
@Service
public class ConfirmationService {

	static final String KIND = "confirmation";

	private static final Logger log = LoggerFactory.getLogger(ConfirmationService.class);

	private final CatalogReadModel catalog;

	private final DeliveryLedger ledger;

	private final EmailSender email;

	private final NotificationProperties properties;

	ConfirmationService(CatalogReadModel catalog, DeliveryLedger ledger, EmailSender email,
			NotificationProperties properties) {
		this.catalog = catalog;
		this.ledger = ledger;
		this.email = email;
		this.properties = properties;
	}

	/** The ledger id of a booking's confirmation: one per booking version. */
	public static String deliveryId(BookingConfirmed booking) {
		return booking.bookingId() + ":" + KIND + ":v" + booking.bookingVersion();
	}

	/**
	 * @throws CatalogNotYetKnown if the treatment or location has not reached this
	 * service yet; the caller retries later
	 */
	public void confirm(BookingConfirmed booking) {
		TreatmentSummary treatment = this.catalog.treatment(booking.treatmentId().value())
			.orElseThrow(() -> new CatalogNotYetKnown("treatment " + booking.treatmentId()));
		LocationSummary location = this.catalog.location(booking.locationId().value())
			.orElseThrow(() -> new CatalogNotYetKnown("location " + booking.locationId()));
		String id = deliveryId(booking);
		Optional<Delivery> claimed = this.ledger.claim(id, booking.bookingId().value(), KIND, "email",
				booking.client().email(), this.properties.sendLease());
		if (claimed.isEmpty()) {
			log.debug("Confirmation {} was sent already", id);
			return;
		}
		try {
			this.email.send(ConfirmationMessage.of(booking, treatment, location, this.properties.clinicName(),
					this.properties.manageUrl()));
		}
		catch (EmailRejected ex) {
			this.ledger.markFailed(id, ex.getMessage());
			log.warn("Confirmation {} failed for good: {}", id, ex.getMessage());
			return;
		}
		catch (RuntimeException ex) {
			this.ledger.releaseAfterFailure(id, ex.toString());
			throw ex;
		}
		this.ledger.markSent(id);
		log.info("Confirmation {} sent", id);
	}

	/** The catalog data a message needs has not arrived yet. */
	public static class CatalogNotYetKnown extends RuntimeException {

		CatalogNotYetKnown(String what) {
			super("Not in the catalog read model yet: " + what);
		}

	}

}

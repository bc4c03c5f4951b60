package dev.medspa.booking.intake;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import dev.medspa.booking.reservation.BookingService;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.support.audit.AuditTrail;
import dev.medspa.support.messaging.AwaitedDataMissing;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * What a change of a booking's intake means here. The status is kept for staff to see. A
 * decline cancels the booking as the clinic, the way staff cancel one (slot freed,
 * deposit refunded, {@code BookingCancelled} published), with a reason code the client's
 * message is worded from. Redelivered, the change is already kept and the booking already
 * cancelled, so nothing happens twice.
 */
@Service
public class IntakeOutcomes {

	private static final Logger log = LoggerFactory.getLogger(IntakeOutcomes.class);

	/** What staff read about a booking cancelled because of a decline. */
	public static final String DECLINED_REASON = "Declined after the health review";

	/** The decline codes the contract names; any other reads as {@code OTHER}. */
	private static final Set<String> DECLINE_REASONS = Set.of("NOT_SUITABLE_NOW", "CONSULTATION_FIRST", "OTHER");

	private final IntakeStatuses statuses;

	private final BookingService bookings;

	private final AuditTrail audit;

	private final Clock clock;

	IntakeOutcomes(IntakeStatuses statuses, BookingService bookings, AuditTrail audit, Clock clock) {
		this.statuses = statuses;
		this.bookings = bookings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Keeps the new status, unless a newer one is kept already, and cancels the booking
	 * of a decline that is still the newest.
	 * @throws BookingNotYetKnown for a decline of a booking not stored here yet, so the
	 * record is tried again later
	 */
	public void changed(IntakeStatusChanged change) {
		String bookingId = change.bookingId().value();
		this.statuses.record(new IntakeState(bookingId, change.status(), change.intakeVersion(), change.formsDue(),
				change.declineReason(), change.changedAt()));
		if (!IntakeStatusChanged.DECLINED.equals(change.status())) {
			return;
		}
		boolean stillNewest = this.statuses.of(bookingId)
			.filter(kept -> kept.version() == change.intakeVersion()
					&& IntakeStatusChanged.DECLINED.equals(kept.status()))
			.isPresent();
		if (!stillNewest) {
			return;
		}
		if (this.bookings.find(bookingId).isEmpty()) {
			throw new BookingNotYetKnown(bookingId);
		}
		String code = "INTAKE_" + declineCode(change.declineReason());
		this.bookings.cancelByClinic(bookingId, DECLINED_REASON, code).ifPresent(cancelled -> {
			log.info("Booking {} cancelled: the treatment was declined after the health review ({})", bookingId, code);
			this.audit.record(this.clock.instant(), "intake-service", List.of(), "intake-declined",
					"/api/staff/bookings/" + bookingId, 200, "", DECLINED_REASON + " (" + code + ")");
		});
	}

	private static String declineCode(@Nullable String reason) {
		return reason != null && DECLINE_REASONS.contains(reason) ? reason : "OTHER";
	}

	/**
	 * A decline for a booking this service has not stored yet: it is tried again, for
	 * longer than an ordinary failure, rather than lost.
	 */
	public static final class BookingNotYetKnown extends AwaitedDataMissing {

		BookingNotYetKnown(String bookingId) {
			super("The intake of booking " + bookingId + " was declined, but the booking is not known here yet");
		}

	}

}

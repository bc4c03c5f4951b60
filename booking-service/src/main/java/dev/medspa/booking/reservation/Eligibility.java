package dev.medspa.booking.reservation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The clinic's rules about who may book what, the client known by their normalised
 * e-mail: a treatment that needs a consultation needs a completed one still valid at the
 * start (or an earlier completed session of the treatment itself), and sessions of a
 * series keep their minimum spacing. Staff may book past them with a recorded reason.
 */
@Component
public class Eligibility {

	private final ClientHistories histories;

	Eligibility(ClientHistories histories) {
		this.histories = histories;
	}

	/**
	 * @param excluding a booking of the client not to count, the one being moved
	 * @throws Refusal 422 saying which rule refuses it
	 */
	public void check(CatalogTreatment treatment, Client client, Instant start, @Nullable String excluding) {
		if (treatment.consultationTreatmentId() == null && treatment.seriesMinimumSpacing() == null) {
			return;
		}
		List<Booking> history = this.histories.of(client.normalizedEmail())
			.stream()
			.filter(booking -> !booking.id().equals(excluding))
			.toList();
		if (treatment.consultationTreatmentId() != null && treatment.consultationValidFor() != null) {
			boolean consulted = history.stream()
				.filter(booking -> booking.status() == BookingStatus.COMPLETED && booking.completedAt() != null)
				.anyMatch(booking -> booking.treatmentId().equals(treatment.id())
						|| (booking.treatmentId().equals(treatment.consultationTreatmentId())
								&& booking.completedAt().isBefore(start)
								&& booking.completedAt()
									.atOffset(ZoneOffset.UTC)
									.plus(treatment.consultationValidFor())
									.toInstant()
									.isAfter(start)));
			if (!consulted) {
				throw Refusal.unprocessable("consultation-required", "Consultation required", "treatmentId",
						treatment.name() + " needs a completed consultation first, no older than "
								+ treatment.consultationValidFor() + " at the time of the treatment");
			}
		}
		if (treatment.seriesMinimumSpacing() != null) {
			for (Booking session : history) {
				if (!session.treatmentId().equals(treatment.id())
						|| !(session.status().holdsItsSlot() || session.status() == BookingStatus.COMPLETED)) {
					continue;
				}
				Instant earlier = session.start().isBefore(start) ? session.start() : start;
				Instant later = session.start().isBefore(start) ? start : session.start();
				if (earlier.atOffset(ZoneOffset.UTC)
					.plus(treatment.seriesMinimumSpacing())
					.toInstant()
					.isAfter(later)) {
					throw Refusal.unprocessable("series-spacing", "Too close to another session", "start",
							"Sessions of " + treatment.name() + " must be at least " + treatment.seriesMinimumSpacing()
									+ " apart; another is on "
									+ session.start().atZone(java.time.ZoneId.of(session.zoneId())).toLocalDate());
				}
			}
		}
	}

}

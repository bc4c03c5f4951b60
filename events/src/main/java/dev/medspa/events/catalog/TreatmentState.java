package dev.medspa.events.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.medspa.events.TreatmentId;
import org.jspecify.annotations.Nullable;

/**
 * The full state of a treatment as the catalog publishes it.
 *
 * @param duration the treatment itself, with the client
 * @param preparation time before it that the room and practitioner are needed (numbing
 * cream, set-up)
 * @param cleanup time after it that the room and practitioner are still needed
 * @param roomType the kind of room or device the treatment needs
 * @param qualification what a practitioner must be qualified for to give it
 * @param consultation the consultation that must come first, if any
 * @param series how sessions of a course are spaced, if it is given as a series
 * @param aftercare the follow-up steps, each an offset from completion, in order
 * @param preCare what the client should do or avoid before the treatment; absent in
 * schema version 1
 * @param active false once retired: no new bookings, but history still refers to it
 * @param version raised on every change; consumers keep the highest they have seen
 * @param deviceTypes the devices a booking takes with its room, one of each type, for the
 * whole interval; absent before devices were published
 */
public record TreatmentState(TreatmentId id, String slug, String name, String category, String description,
		Duration duration, Duration preparation, Duration cleanup, BigDecimal price, String currency, String roomType,
		String qualification, @Nullable ConsultationRule consultation, @Nullable SeriesRule series,
		List<AftercareStep> aftercare, boolean active, long version, @Nullable String preCare,
		List<String> deviceTypes) {

	@JsonCreator
	public TreatmentState {
		aftercare = aftercare == null ? List.of() : List.copyOf(aftercare);
		deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
	}

	/** A treatment that needs no device. */
	public TreatmentState(TreatmentId id, String slug, String name, String category, String description,
			Duration duration, Duration preparation, Duration cleanup, BigDecimal price, String currency,
			String roomType, String qualification, @Nullable ConsultationRule consultation, @Nullable SeriesRule series,
			List<AftercareStep> aftercare, boolean active, long version, @Nullable String preCare) {
		this(id, slug, name, category, description, duration, preparation, cleanup, price, currency, roomType,
				qualification, consultation, series, aftercare, active, version, preCare, List.of());
	}

	/** The whole time a booking of this treatment occupies a practitioner and a room. */
	public Duration occupiedTime() {
		return this.preparation.plus(this.duration).plus(this.cleanup);
	}

	/**
	 * @param consultationTreatment the consultation treatment a client must have
	 * completed
	 * @param validFor how long after it the consultation still counts
	 */
	public record ConsultationRule(TreatmentId consultationTreatment, Period validFor) {
	}

	/**
	 * @param sessions how many sessions a course has
	 * @param minimumSpacing the least time between two sessions
	 * @param recommendedSpacing when the next session is due
	 */
	public record SeriesRule(int sessions, Period minimumSpacing, Period recommendedSpacing) {
	}

	/**
	 * @param key a stable name of the step, used to identify the message it yields
	 * @param offset time after completion when the client should hear it
	 * @param message what the client should hear
	 */
	public record AftercareStep(String key, Duration offset, String message) {
	}

}

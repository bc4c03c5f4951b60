package dev.medspa.booking.catalog;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What booking needs to know of a treatment.
 *
 * @param consultationTreatmentId the consultation a client must have completed first, if
 * any
 * @param consultationValidFor how long a completed consultation counts
 * @param seriesMinimumSpacing the least time between two sessions of a client, if given
 * as a series
 * @param deviceTypes one device of each of these types is taken with the room
 * @param seriesSessions how many sessions a course has, 0 if not given as a series
 * @param seriesRecommendedSpacing when the next session of a course is due
 * @param currency the ISO 4217 code of its price, which its cancellation policy's amounts
 * are in; null in a copy stored before it was kept, until the treatment's next version
 */
@Document("catalog_treatments")
public record CatalogTreatment(@Id String id, String name, Duration duration, Duration preparation, Duration cleanup,
		String roomType, String qualification, boolean active, long version, @Nullable String consultationTreatmentId,
		@Nullable Period consultationValidFor, @Nullable Period seriesMinimumSpacing, List<String> deviceTypes,
		Integer seriesSessions, @Nullable Period seriesRecommendedSpacing, @Nullable String currency) {

	/**
	 * Also reads a treatment stored before its series' size was kept (none then): the
	 * next version of the treatment brings it.
	 */
	@PersistenceCreator
	public CatalogTreatment {
		deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
		seriesSessions = seriesSessions == null ? 0 : seriesSessions;
	}

	/**
	 * From the client's arrival to the end of the treatment: preparation (numbing) and
	 * the treatment itself.
	 */
	public Duration appointmentLength() {
		return this.preparation.plus(this.duration);
	}

}

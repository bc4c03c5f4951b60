package dev.medspa.booking.catalog;

import java.time.Duration;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What booking needs to know of a treatment. */
@Document("catalog_treatments")
public record CatalogTreatment(@Id String id, String name, Duration duration, Duration preparation, Duration cleanup,
		String roomType, String qualification, boolean active, long version) {

	/**
	 * From the client's arrival to the end of the treatment: preparation (numbing) and
	 * the treatment itself.
	 */
	public Duration appointmentLength() {
		return this.preparation.plus(this.duration);
	}

}

package dev.medspa.booking.catalog;

import java.time.ZoneId;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What booking needs to know of a location. */
@Document("catalog_locations")
public record CatalogLocation(@Id String id, String name, String zoneId, List<Room> rooms, List<String> treatments,
		boolean active, long version) {

	public ZoneId zone() {
		return ZoneId.of(this.zoneId);
	}

	public boolean offers(String treatmentId) {
		return this.treatments.contains(treatmentId);
	}

	public record Room(String id, String type, boolean active) {
	}

}

package dev.medspa.notification.catalog;

import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What a message names of a location, and the zone its times are shown in. */
@Document("catalog_locations")
public record LocationSummary(@Id String id, String name, String address, String phone, String zoneId, boolean active,
		long version) {

	public ZoneId zone() {
		return ZoneId.of(this.zoneId);
	}

}

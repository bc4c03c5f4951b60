package dev.medspa.booking.catalog;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What booking needs to know of a practitioner. */
@Document("catalog_practitioners")
public record CatalogPractitioner(@Id String id, String displayName, List<String> qualifications,
		List<String> locations, boolean active, long version) {
}

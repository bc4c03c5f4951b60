package dev.medspa.notification.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What a message names of a treatment. */
@Document("catalog_treatments")
public record TreatmentSummary(@Id String id, String name, boolean active, long version) {
}

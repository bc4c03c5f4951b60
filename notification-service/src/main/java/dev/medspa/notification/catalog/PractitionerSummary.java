package dev.medspa.notification.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a message names of a practitioner: the name the catalog shows clients.
 */
@Document("catalog_practitioners")
public record PractitionerSummary(@Id String id, String displayName, boolean active, long version) {

}

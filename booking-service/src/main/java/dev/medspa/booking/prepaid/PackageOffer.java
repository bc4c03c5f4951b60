package dev.medspa.booking.prepaid;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the clinic sells: a number of sessions of one treatment at a package price, valid
 * at every location that gives the treatment.
 *
 * @param id a short name chosen by the clinic, such as {@code microneedling-3}
 * @param price for the whole package, in minor units of {@code currency}
 * @param active whether clients can buy it now; packages bought before stay usable
 */
@Document(PackageOffer.COLLECTION)
public record PackageOffer(@Id String id, String treatmentId, String name, int sessions, long price, String currency,
		boolean active, Instant changedAt, String changedBy) {

	public static final String COLLECTION = "package_offers";

}

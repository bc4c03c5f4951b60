package dev.medspa.booking.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The cancellation policy of a treatment, everywhere or at one location (which overrides
 * the treatment's own there), with every version it ever had: a change appends a version
 * and never edits one, so a booking's accepted version can always be read again.
 *
 * @param id {@code <treatment>@<location>}, or {@code <treatment>@*} for every location
 * @param current the number of the newest version, which is also how many there are
 */
@Document(CancellationPolicy.COLLECTION)
public record CancellationPolicy(@Id String id, String treatmentId, @Nullable String locationId, int current,
		List<Version> versions) {

	public static final String COLLECTION = "cancellation_policies";

	public CancellationPolicy {
		versions = versions == null ? List.of() : List.copyOf(versions);
	}

	/**
	 * One version of the policy, never changed once written.
	 *
	 * @param by who made it (the staff member's subject), or {@code demo}
	 */
	public record Version(int number, PolicyTerms terms, Instant createdAt, String by) {
	}

	/** The id of the policy of a treatment at a location, or everywhere when null. */
	public static String idOf(String treatmentId, @Nullable String locationId) {
		return treatmentId + "@" + (locationId == null ? "*" : locationId);
	}

	static CancellationPolicy first(String treatmentId, @Nullable String locationId, PolicyTerms terms, Instant now,
			String by) {
		return new CancellationPolicy(idOf(treatmentId, locationId), treatmentId, locationId, 1,
				List.of(new Version(1, terms, now, by)));
	}

	/** This policy with one version more. */
	CancellationPolicy next(PolicyTerms terms, Instant now, String by) {
		List<Version> all = new ArrayList<>(this.versions);
		all.add(new Version(this.current + 1, terms, now, by));
		return new CancellationPolicy(this.id, this.treatmentId, this.locationId, this.current + 1, all);
	}

	public Version latest() {
		return this.versions.get(this.versions.size() - 1);
	}

	public Optional<Version> version(int number) {
		return this.versions.stream().filter(version -> version.number() == number).findFirst();
	}

}

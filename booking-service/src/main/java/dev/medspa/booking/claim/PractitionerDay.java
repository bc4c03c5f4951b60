package dev.medspa.booking.claim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything one practitioner is engaged for on one UTC day, at every location. An
 * engagement is written to every UTC day its interval, widened by the travel buffer,
 * touches; so two engagements that are too close always meet on at least one document,
 * and that document's compare-and-set lets only one of them through.
 */
@Document(PractitionerDay.COLLECTION)
public record PractitionerDay(@Id String id, String practitionerId, LocalDate date, List<Engagement> engagements,
		long version) {

	public static final String COLLECTION = "practitioner_days";

	public PractitionerDay {
		engagements = engagements == null ? List.of() : List.copyOf(engagements);
	}

	static String id(String practitionerId, LocalDate utcDate) {
		return practitionerId + "|" + utcDate;
	}

	static PractitionerDay empty(String practitionerId, LocalDate utcDate) {
		return new PractitionerDay(id(practitionerId, utcDate), practitionerId, utcDate, List.of(), 0);
	}

	/**
	 * A claim of the practitioner as seen from every location.
	 *
	 * @param owner the owner of the claim on the location's day sheet
	 * @param end exclusive, clean-up included
	 */
	public record Engagement(String owner, Claim.Kind kind, String locationId, Instant start, Instant end,
			@Nullable Instant expiresAt) {

		static Engagement of(Claim claim, String locationId) {
			return new Engagement(claim.owner(), claim.kind(), locationId, claim.start(), claim.end(),
					claim.expiresAt());
		}

		public boolean isLive(Instant now) {
			return this.expiresAt == null || this.expiresAt.isAfter(now);
		}

		/**
		 * Whether this engagement keeps the practitioner from [start, end) at a location:
		 * at the same location the intervals must not overlap; at another, they must be
		 * at least the travel buffer apart.
		 */
		public boolean blocks(String atLocation, Instant start, Instant end, Duration travelBuffer) {
			Duration gap = this.locationId.equals(atLocation) ? Duration.ZERO : travelBuffer;
			return this.start.isBefore(end.plus(gap)) && start.isBefore(this.end.plus(gap));
		}

	}

}

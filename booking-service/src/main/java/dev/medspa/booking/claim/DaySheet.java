package dev.medspa.booking.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything claimed at one location on one local day. It changes only by compare-and-set
 * on its version, so a claim is checked against, and written over, exactly the state it
 * was decided on.
 */
@Document(DaySheet.COLLECTION)
public record DaySheet(@Id String id, String locationId, LocalDate date, List<Claim> claims, long version) {

	public static final String COLLECTION = "day_sheets";

	public DaySheet {
		claims = claims == null ? List.of() : List.copyOf(claims);
	}

	static String id(String locationId, LocalDate date) {
		return locationId + "|" + date;
	}

	static DaySheet empty(String locationId, LocalDate date) {
		return new DaySheet(id(locationId, date), locationId, date, List.of(), 0);
	}

	/** This sheet as if an owner's claims were not on it. */
	public DaySheet without(String owner) {
		return new DaySheet(this.id, this.locationId, this.date,
				this.claims.stream().filter(claim -> !claim.owner().equals(owner)).toList(), this.version);
	}

	/** The claims that hold at the given time; expired holds are gone. */
	public List<Claim> live(Instant now) {
		return this.claims.stream().filter(claim -> claim.isLive(now)).toList();
	}

	public boolean practitionerFree(String practitionerId, Instant start, Instant end, Instant now) {
		return live(now).stream()
			.noneMatch(claim -> claim.practitionerId().equals(practitionerId) && claim.overlaps(start, end));
	}

	public boolean roomFree(String roomId, Instant start, Instant end, Instant now) {
		return live(now).stream().noneMatch(claim -> claim.roomId().equals(roomId) && claim.overlaps(start, end));
	}

	public boolean deviceFree(String deviceId, Instant start, Instant end, Instant now) {
		return live(now).stream()
			.noneMatch(claim -> claim.deviceIds().contains(deviceId) && claim.overlaps(start, end));
	}

}

package dev.medspa.events.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;

/**
 * The full state of a location as the catalog publishes it.
 *
 * @param zoneId the IANA time zone every local time of this location is computed in
 * @param rooms the rooms and devices bookings claim
 * @param treatments the treatments offered here
 * @param active false once closed
 * @param openingHours when the location is open, in its zone; empty in schema version 1
 * @param version raised on every change; consumers keep the highest they have seen
 */
public record LocationState(LocationId id, String slug, String name, Address address, String phone, String zoneId,
		List<Room> rooms, List<TreatmentId> treatments, boolean active, long version, List<OpeningHours> openingHours) {

	public LocationState {
		rooms = List.copyOf(rooms);
		treatments = List.copyOf(treatments);
		openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
	}

	/**
	 * One opening range of a weekday, in the location's zone; a day may have several (a
	 * lunch break is a gap).
	 */
	public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
	}

	public record Address(String street, String city, String region, String postalCode, String country) {

		/** One line, as a message names the place. */
		public String oneLine() {
			return this.street + ", " + this.city + ", " + this.region + " " + this.postalCode;
		}

	}

	/**
	 * @param type what the room is for or which device it is; treatments name the type
	 * they need
	 */
	public record Room(String id, String name, String type, boolean active) {
	}

}

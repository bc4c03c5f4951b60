package dev.medspa.events.catalog;

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
 * @param version raised on every change; consumers keep the highest they have seen
 */
public record LocationState(LocationId id, String slug, String name, Address address, String phone, String zoneId,
		List<Room> rooms, List<TreatmentId> treatments, boolean active, long version) {

	public LocationState {
		rooms = List.copyOf(rooms);
		treatments = List.copyOf(treatments);
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

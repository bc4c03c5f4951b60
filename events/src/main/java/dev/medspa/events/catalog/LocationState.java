package dev.medspa.events.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
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
 * @param devices equipment that several rooms share and a booking takes with its room (a
 * micro-needling pen, a PRP centrifuge); absent before devices were published
 */
public record LocationState(LocationId id, String slug, String name, Address address, String phone, String zoneId,
		List<Room> rooms, List<TreatmentId> treatments, boolean active, long version, List<OpeningHours> openingHours,
		List<Device> devices) {

	@JsonCreator
	public LocationState {
		rooms = List.copyOf(rooms);
		treatments = List.copyOf(treatments);
		openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
		devices = devices == null ? List.of() : List.copyOf(devices);
	}

	/** A location without devices. */
	public LocationState(LocationId id, String slug, String name, Address address, String phone, String zoneId,
			List<Room> rooms, List<TreatmentId> treatments, boolean active, long version,
			List<OpeningHours> openingHours) {
		this(id, slug, name, address, phone, zoneId, rooms, treatments, active, version, openingHours, List.of());
	}

	/**
	 * @param type what kind of device it is; treatments name the types they need
	 * @param active false while out of service
	 */
	public record Device(String id, String name, String type, boolean active) {
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
	 * @param type what the room is for; treatments name the type they need
	 */
	public record Room(String id, String name, String type, boolean active) {
	}

}

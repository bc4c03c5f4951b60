package dev.medspa.booking.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What booking needs to know of a location.
 *
 * @param openingHours when it is open, in its zone; none known means its opening hours do
 * not limit bookings (a location published before they were)
 * @param devices equipment its rooms share
 */
@Document("catalog_locations")
public record CatalogLocation(@Id String id, String name, String zoneId, List<Room> rooms, List<String> treatments,
		boolean active, long version, List<OpeningHours> openingHours, List<Device> devices) {

	@PersistenceCreator
	public CatalogLocation {
		openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
		devices = devices == null ? List.of() : List.copyOf(devices);
	}

	public ZoneId zone() {
		return ZoneId.of(this.zoneId);
	}

	public boolean offers(String treatmentId) {
		return this.treatments.contains(treatmentId);
	}

	/**
	 * The local ranges the location is open on a date, in order; null when its opening
	 * hours are not known.
	 */
	public @Nullable List<OpeningHours> openOn(LocalDate date) {
		if (this.openingHours.isEmpty()) {
			return null;
		}
		return this.openingHours.stream()
			.filter(hours -> hours.day() == date.getDayOfWeek())
			.sorted(java.util.Comparator.comparing(OpeningHours::opens))
			.toList();
	}

	public record Room(String id, String type, boolean active) {
	}

	public record Device(String id, String name, String type, boolean active) {
	}

	public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
	}

}

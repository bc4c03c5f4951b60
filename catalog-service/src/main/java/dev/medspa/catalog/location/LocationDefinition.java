package dev.medspa.catalog.location;

import java.util.List;

import dev.medspa.events.catalog.LocationState.Address;
import dev.medspa.events.catalog.LocationState.Device;
import dev.medspa.events.catalog.LocationState.OpeningHours;
import dev.medspa.events.catalog.LocationState.Room;

/**
 * What a manager says a location is: everything but its id, version and whether it is
 * closed.
 */
public record LocationDefinition(String slug, String name, Address address, String phone, String zoneId,
		List<OpeningHours> openingHours, List<Room> rooms, List<Device> devices, List<String> treatments) {

	public LocationDefinition {
		openingHours = List.copyOf(openingHours);
		rooms = List.copyOf(rooms);
		devices = List.copyOf(devices);
		treatments = List.copyOf(treatments);
	}

}

package dev.medspa.catalog.location.web;

import dev.medspa.catalog.location.Location;
import dev.medspa.catalog.location.LocationDirectory;
import dev.medspa.events.catalog.LocationState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.medspa.support.Refusal;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the clinic is, for anyone. */
@RestController
@Tag(name = "Locations", description = "Where the clinic is, for anyone")
@RequestMapping("/api/locations")
class LocationController {

	private final LocationDirectory locations;

	LocationController(LocationDirectory locations) {
		this.locations = locations;
	}

	/**
	 * The open locations by name, each with its time zone, opening hours, rooms and
	 * treatments.
	 */
	@Operation(summary = "List the open locations",
			description = "Open locations by name, a page at a time, each with its address, phone, IANA time zone, opening "
					+ "hours, rooms, shared devices and the treatments offered there.")
	@GetMapping
	PagedModel<LocationState> list(@PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return new PagedModel<>(this.locations.open(pageable).map(Location::toState));
	}

	@Operation(summary = "Read one open location",
			description = "404 when the id names no location or one that has closed.")
	@GetMapping("/{id}")
	LocationState byId(@PathVariable String id) {
		Location location = this.locations.byId(id);
		if (!location.active()) {
			throw Refusal.notFound("Location", "No open location has the id " + id);
		}
		return location.toState();
	}

}

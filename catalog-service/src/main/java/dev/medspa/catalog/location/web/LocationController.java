package dev.medspa.catalog.location.web;

import dev.medspa.catalog.location.Location;
import dev.medspa.catalog.location.LocationDirectory;
import dev.medspa.events.catalog.LocationState;
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
	@GetMapping
	PagedModel<LocationState> list(@PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return new PagedModel<>(this.locations.open(pageable).map(Location::toState));
	}

	@GetMapping("/{id}")
	LocationState byId(@PathVariable String id) {
		Location location = this.locations.byId(id);
		if (!location.active()) {
			throw Refusal.notFound("Location", "No open location has the id " + id);
		}
		return location.toState();
	}

}

package dev.medspa.catalog.location.web;

import java.util.List;

import dev.medspa.catalog.location.LocationRepository;
import dev.medspa.events.catalog.LocationState;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the clinic is, for anyone. */
@RestController
@RequestMapping("/api/locations")
class LocationController {

	private final LocationRepository locations;

	LocationController(LocationRepository locations) {
		this.locations = locations;
	}

	/** The open locations, by name, each with its time zone, rooms and treatments. */
	@GetMapping
	List<LocationState> list() {
		return this.locations.findByActiveTrueOrderByName().stream().map(l -> l.toState()).toList();
	}

}

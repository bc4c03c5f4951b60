package dev.medspa.catalog.location.web;

import java.net.URI;

import jakarta.validation.Valid;

import dev.medspa.catalog.location.Location;
import dev.medspa.catalog.location.LocationDirectory;
import dev.medspa.events.catalog.LocationState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.medspa.support.web.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managers keep the locations; changes need the version read, in If-Match. */
@RestController
@Tag(name = "Staff: locations", description = "Keeping the locations")
@RequestMapping("/api/staff/locations")
class LocationStaffController {

	private final LocationDirectory locations;

	LocationStaffController(LocationDirectory locations) {
		this.locations = locations;
	}

	@Operation(summary = "List every location, closed ones included",
			description = "A page at a time by name, with the version of each.")
	@GetMapping
	PagedModel<LocationState> list(@PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return new PagedModel<>(this.locations.all(pageable).map(Location::toState));
	}

	@Operation(summary = "Read one location with its version",
			description = "The version comes as a strong ETag: send it back in If-Match to change the location.")
	@GetMapping("/{id}")
	ResponseEntity<LocationState> byId(@PathVariable String id) {
		return tagged(this.locations.byId(id));
	}

	/** Adds a location; its slug becomes its id. */
	@Operation(summary = "Open a new location",
			description = "Its slug becomes its id. Answers 201 with the location, a Location header and its first version "
					+ "as ETag; 409 `already-exists` when the slug is taken, 422 when a treatment it lists does not "
					+ "exist.")
	@PostMapping
	ResponseEntity<LocationState> create(@Valid @RequestBody LocationRequest request) {
		Location created = this.locations.create(request.toDefinition());
		return ResponseEntity.created(URI.create("/api/staff/locations/" + created.id()))
			.eTag(Versions.etag(created.version()))
			.body(created.toState());
	}

	@Operation(summary = "Replace a location's definition",
			description = "Address, time zone, opening hours, rooms, devices and treatments in one go. Send the ETag you "
					+ "read in If-Match (428 without it, 412 when someone changed it since); answers the location with "
					+ "its new version as ETag.")
	@PutMapping("/{id}")
	ResponseEntity<LocationState> update(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody LocationRequest request) {
		return tagged(this.locations.update(id, Versions.expected(ifMatch), request.toDefinition()));
	}

	/** Closes the location for new bookings. */
	@Operation(summary = "Close a location",
			description = "No new bookings there from now on; existing bookings stay. Needs If-Match with the version read; "
					+ "answers the closed location with its new version as ETag.")
	@PostMapping("/{id}/retire")
	ResponseEntity<LocationState> retire(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return tagged(this.locations.retire(id, Versions.expected(ifMatch)));
	}

	private static ResponseEntity<LocationState> tagged(Location location) {
		return ResponseEntity.ok().eTag(Versions.etag(location.version())).body(location.toState());
	}

}

package dev.medspa.catalog.location.web;

import java.net.URI;

import jakarta.validation.Valid;

import dev.medspa.catalog.location.Location;
import dev.medspa.catalog.location.LocationDirectory;
import dev.medspa.events.catalog.LocationState;
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
@RequestMapping("/api/staff/locations")
class LocationStaffController {

	private final LocationDirectory locations;

	LocationStaffController(LocationDirectory locations) {
		this.locations = locations;
	}

	@GetMapping
	PagedModel<LocationState> list(@PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return new PagedModel<>(this.locations.all(pageable).map(Location::toState));
	}

	@GetMapping("/{id}")
	ResponseEntity<LocationState> byId(@PathVariable String id) {
		return tagged(this.locations.byId(id));
	}

	/** Adds a location; its slug becomes its id. */
	@PostMapping
	ResponseEntity<LocationState> create(@Valid @RequestBody LocationRequest request) {
		Location created = this.locations.create(request.toDefinition());
		return ResponseEntity.created(URI.create("/api/staff/locations/" + created.id()))
			.eTag(Versions.etag(created.version()))
			.body(created.toState());
	}

	@PutMapping("/{id}")
	ResponseEntity<LocationState> update(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody LocationRequest request) {
		return tagged(this.locations.update(id, Versions.expected(ifMatch), request.toDefinition()));
	}

	/** Closes the location for new bookings. */
	@PostMapping("/{id}/retire")
	ResponseEntity<LocationState> retire(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return tagged(this.locations.retire(id, Versions.expected(ifMatch)));
	}

	private static ResponseEntity<LocationState> tagged(Location location) {
		return ResponseEntity.ok().eTag(Versions.etag(location.version())).body(location.toState());
	}

}

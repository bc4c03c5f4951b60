package dev.medspa.catalog.treatment.web;

import java.net.URI;

import jakarta.validation.Valid;

import dev.medspa.catalog.treatment.Treatment;
import dev.medspa.catalog.treatment.TreatmentCatalog;
import dev.medspa.events.catalog.TreatmentState;
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

/**
 * Managers keep the treatments. Reads carry the version as an ETag; changes must send it
 * back in If-Match (428 without it, 412 when someone else changed it first).
 */
@RestController
@Tag(name = "Staff: treatments", description = "Keeping the treatments")
@RequestMapping("/api/staff/treatments")
class TreatmentStaffController {

	private final TreatmentCatalog treatments;

	TreatmentStaffController(TreatmentCatalog treatments) {
		this.treatments = treatments;
	}

	/** Every treatment, retired ones included, by name. */
	@Operation(summary = "List every treatment, retired ones included",
			description = "A page at a time by name, with the version of each.")
	@GetMapping
	PagedModel<TreatmentState> list(@PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return new PagedModel<>(this.treatments.all(pageable).map(Treatment::toState));
	}

	@Operation(summary = "Read one treatment with its version",
			description = "The version comes as a strong ETag (`\"3\"`): send it back in If-Match to change the treatment.")
	@GetMapping("/{id}")
	ResponseEntity<TreatmentState> byId(@PathVariable String id) {
		return tagged(this.treatments.byId(id));
	}

	/** Adds a treatment; its slug becomes its id. */
	@Operation(summary = "Add a treatment",
			description = "Its slug becomes its id. Answers 201 with the treatment, a Location header and its first version "
					+ "as ETag; 409 `already-exists` when the slug is taken, 422 when the consultation it names does not "
					+ "exist. Published to the other services as an event.")
	@PostMapping
	ResponseEntity<TreatmentState> create(@Valid @RequestBody TreatmentRequest request) {
		Treatment created = this.treatments.create(request.toDefinition());
		return ResponseEntity.created(URI.create("/api/staff/treatments/" + created.id()))
			.eTag(Versions.etag(created.version()))
			.body(created.toState());
	}

	/** Replaces the definition of the version named in If-Match. */
	@Operation(summary = "Replace a treatment's definition",
			description = "Send the ETag you read in If-Match (428 `version-required` without it, 412 `stale-version` when "
					+ "someone changed it since). Answers the treatment with its new version as ETag.")
	@PutMapping("/{id}")
	ResponseEntity<TreatmentState> update(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody TreatmentRequest request) {
		return tagged(this.treatments.update(id, Versions.expected(ifMatch), request.toDefinition()));
	}

	/** Retires the treatment: no new bookings; existing bookings keep it. */
	@Operation(summary = "Retire a treatment",
			description = "No new bookings from now on; existing bookings and old links keep it. Needs If-Match with the "
					+ "version read, like any change; answers the retired treatment with its new version as ETag.")
	@PostMapping("/{id}/retire")
	ResponseEntity<TreatmentState> retire(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return tagged(this.treatments.retire(id, Versions.expected(ifMatch)));
	}

	private static ResponseEntity<TreatmentState> tagged(Treatment treatment) {
		return ResponseEntity.ok().eTag(Versions.etag(treatment.version())).body(treatment.toState());
	}

}

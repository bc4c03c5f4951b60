package dev.medspa.catalog.treatment.web;

import java.net.URI;

import jakarta.validation.Valid;

import dev.medspa.catalog.treatment.Treatment;
import dev.medspa.catalog.treatment.TreatmentCatalog;
import dev.medspa.events.catalog.TreatmentState;
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
@RequestMapping("/api/staff/treatments")
class TreatmentStaffController {

	private final TreatmentCatalog treatments;

	TreatmentStaffController(TreatmentCatalog treatments) {
		this.treatments = treatments;
	}

	/** Every treatment, retired ones included, by name. */
	@GetMapping
	PagedModel<TreatmentState> list(@PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return new PagedModel<>(this.treatments.all(pageable).map(Treatment::toState));
	}

	@GetMapping("/{id}")
	ResponseEntity<TreatmentState> byId(@PathVariable String id) {
		return tagged(this.treatments.byId(id));
	}

	/** Adds a treatment; its slug becomes its id. */
	@PostMapping
	ResponseEntity<TreatmentState> create(@Valid @RequestBody TreatmentRequest request) {
		Treatment created = this.treatments.create(request.toDefinition());
		return ResponseEntity.created(URI.create("/api/staff/treatments/" + created.id()))
			.eTag(Versions.etag(created.version()))
			.body(created.toState());
	}

	/** Replaces the definition of the version named in If-Match. */
	@PutMapping("/{id}")
	ResponseEntity<TreatmentState> update(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody TreatmentRequest request) {
		return tagged(this.treatments.update(id, Versions.expected(ifMatch), request.toDefinition()));
	}

	/** Retires the treatment: no new bookings; existing bookings keep it. */
	@PostMapping("/{id}/retire")
	ResponseEntity<TreatmentState> retire(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return tagged(this.treatments.retire(id, Versions.expected(ifMatch)));
	}

	private static ResponseEntity<TreatmentState> tagged(Treatment treatment) {
		return ResponseEntity.ok().eTag(Versions.etag(treatment.version())).body(treatment.toState());
	}

}

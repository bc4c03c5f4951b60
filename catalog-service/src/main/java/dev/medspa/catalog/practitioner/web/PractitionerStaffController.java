package dev.medspa.catalog.practitioner.web;

import java.net.URI;
import java.util.Collection;

import jakarta.validation.Valid;

import dev.medspa.catalog.practitioner.Practitioner;
import dev.medspa.catalog.practitioner.PractitionerRoster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.support.Refusal;
import dev.medspa.support.security.StaffClaims;
import dev.medspa.support.security.StaffRole;
import dev.medspa.support.web.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managers keep the practitioners who work only at their locations (owners, all); changes
 * need the version read, in If-Match.
 */
@RestController
@Tag(name = "Staff: practitioners", description = "Keeping the practitioners")
@RequestMapping("/api/staff/practitioners")
class PractitionerStaffController {

	private final PractitionerRoster practitioners;

	PractitionerStaffController(PractitionerRoster practitioners) {
		this.practitioners = practitioners;
	}

	@Operation(summary = "List every practitioner, retired ones included",
			description = "A page at a time by display name, with qualifications, locations and the version of each.")
	@GetMapping
	PagedModel<PractitionerState> list(@PageableDefault(size = 20, sort = "displayName") Pageable pageable) {
		return new PagedModel<>(this.practitioners.all(pageable).map(Practitioner::toState));
	}

	@Operation(summary = "Read one practitioner with its version",
			description = "The version comes as a strong ETag: send it back in If-Match to change the practitioner.")
	@GetMapping("/{id}")
	ResponseEntity<PractitionerState> byId(@PathVariable String id) {
		return tagged(this.practitioners.byId(id));
	}

	@Operation(summary = "Add a practitioner",
			description = "Answers 201 with the practitioner, a Location header and its first version as ETag. A manager may "
					+ "only add practitioners whose locations are all theirs (403 otherwise); owners, anyone.")
	@PostMapping
	ResponseEntity<PractitionerState> create(@Valid @RequestBody PractitionerRequest request, Authentication caller) {
		requireTheirs(caller, request.toDefinition().locations());
		Practitioner created = this.practitioners.create(request.toDefinition());
		return ResponseEntity.created(URI.create("/api/staff/practitioners/" + created.id()))
			.eTag(Versions.etag(created.version()))
			.body(created.toState());
	}

	@Operation(summary = "Replace a practitioner's definition",
			description = "Send the ETag you read in If-Match (428 without it, 412 when someone changed it since). A manager "
					+ "must manage every location the practitioner works at, before and after the change (403 "
					+ "otherwise).")
	@PutMapping("/{id}")
	ResponseEntity<PractitionerState> update(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody PractitionerRequest request, Authentication caller) {
		requireTheirs(caller, this.practitioners.byId(id).definition().locations());
		requireTheirs(caller, request.toDefinition().locations());
		return tagged(this.practitioners.update(id, Versions.expected(ifMatch), request.toDefinition()));
	}

	@Operation(summary = "Retire a practitioner",
			description = "No new bookings with them from now on. Needs If-Match with the version read; a manager must "
					+ "manage all their locations.")
	@PostMapping("/{id}/retire")
	ResponseEntity<PractitionerState> retire(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			Authentication caller) {
		requireTheirs(caller, this.practitioners.byId(id).definition().locations());
		return tagged(this.practitioners.retire(id, Versions.expected(ifMatch)));
	}

	/**
	 * Owners keep every practitioner; a manager, those whose locations are all theirs.
	 */
	private static void requireTheirs(Authentication caller, Collection<String> locations) {
		if (StaffClaims.hasRole(caller, StaffRole.OWNER)) {
			return;
		}
		for (String location : locations) {
			if (!StaffClaims.worksAt(caller, location)) {
				throw Refusal.forbidden("You do not manage " + location + "; ask an owner or its manager");
			}
		}
	}

	private static ResponseEntity<PractitionerState> tagged(Practitioner practitioner) {
		return ResponseEntity.ok().eTag(Versions.etag(practitioner.version())).body(practitioner.toState());
	}

}

package dev.medspa.catalog.practitioner.web;

import dev.medspa.catalog.practitioner.PractitionerRoster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who offers a treatment where, for anyone: display names only. */
@RestController
@Tag(name = "Practitioners", description = "Who offers a treatment where, for anyone")
@RequestMapping("/api/practitioners")
class PractitionerController {

	private final PractitionerRoster practitioners;

	PractitionerController(PractitionerRoster practitioners) {
		this.practitioners = practitioners;
	}

	@Operation(summary = "List practitioners by display name",
			description = "Only the id and display name of each, a page at a time. Narrow with `treatment` (a treatment id: "
					+ "those qualified to give it) and `location` (a location id: those who work there).")
	@GetMapping
	PagedModel<PublicPractitioner> list(@RequestParam(required = false) @Nullable String treatment,
			@RequestParam(required = false) @Nullable String location,
			@PageableDefault(size = 20, sort = "displayName") Pageable pageable) {
		return new PagedModel<>(this.practitioners.offering(treatment, location, pageable)
			.map(p -> new PublicPractitioner(p.id(), p.displayName())));
	}

	/** A practitioner as clients see them. */
	record PublicPractitioner(String id, String displayName) {
	}

}

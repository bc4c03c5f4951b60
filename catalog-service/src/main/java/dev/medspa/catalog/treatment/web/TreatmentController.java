package dev.medspa.catalog.treatment.web;

import dev.medspa.catalog.treatment.Treatment;
import dev.medspa.catalog.treatment.TreatmentCatalog;
import dev.medspa.events.catalog.TreatmentState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the clinic offers, for anyone. */
@RestController
@Tag(name = "Treatments", description = "What the clinic offers, for anyone")
@RequestMapping("/api/treatments")
class TreatmentController {

	private final TreatmentCatalog treatments;

	TreatmentController(TreatmentCatalog treatments) {
		this.treatments = treatments;
	}

	/**
	 * The active treatments by name, optionally of one category or offered at one
	 * location.
	 */
	@Operation(summary = "List the treatments on offer",
			description = "Active treatments by name, a page at a time (`page`, `size` (default 20), `sort`). "
					+ "Narrow with `category` or with `location` (a location id: only treatments offered there). "
					+ "Each treatment has its duration, preparation and clean-up time, price, consultation rule, series "
					+ "spacing, pre-care and aftercare steps.")
	@GetMapping
	PagedModel<TreatmentState> list(@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String location,
			@PageableDefault(size = 20, sort = "name") Pageable pageable) {
		return new PagedModel<>(this.treatments.offered(category, location, pageable).map(Treatment::toState));
	}

	/**
	 * One treatment by its slug, retired or not, so that old links still explain what was
	 * booked.
	 */
	@Operation(summary = "Read one treatment by its slug",
			description = "Retired treatments are answered too (with `active: false`), so that an old link still explains "
					+ "what was booked; 404 when no treatment has the slug.")
	@GetMapping("/{slug}")
	TreatmentState bySlug(@PathVariable String slug) {
		return this.treatments.bySlug(slug).toState();
	}

}

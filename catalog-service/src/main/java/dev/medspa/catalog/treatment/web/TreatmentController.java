package dev.medspa.catalog.treatment.web;

import java.util.List;

import dev.medspa.catalog.treatment.TreatmentRepository;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.support.Refusal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the clinic offers, for anyone. */
@RestController
@RequestMapping("/api/treatments")
class TreatmentController {

	private final TreatmentRepository treatments;

	TreatmentController(TreatmentRepository treatments) {
		this.treatments = treatments;
	}

	/** The active treatments, by name. */
	@GetMapping
	List<TreatmentState> list() {
		return this.treatments.findByActiveTrueOrderByName().stream().map(t -> t.toState()).toList();
	}

	/**
	 * One treatment by its slug, retired or not, so that old links still explain what was
	 * booked.
	 */
	@GetMapping("/{slug}")
	TreatmentState bySlug(@PathVariable String slug) {
		return this.treatments.findBySlug(slug)
			.map(t -> t.toState())
			.orElseThrow(() -> Refusal.notFound("Treatment", "No treatment has the slug " + slug));
	}

}

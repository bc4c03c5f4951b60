package dev.medspa.gateway.pages;

import dev.medspa.events.catalog.TreatmentState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The clinic and its treatments. */
@Controller
class HomePages {

	private final Catalog catalog;

	HomePages(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("categories", this.catalog.byCategory());
		model.addAttribute("locations", this.catalog.locations());
		return "client/home";
	}

	/** Where a client lands whose page was open longer than their session. */
	@GetMapping("/session-ended")
	String sessionEnded() {
		return "client/session-ended";
	}

	@GetMapping("/treatments/{id}")
	String treatment(@PathVariable String id, Model model) {
		TreatmentState treatment = this.catalog.treatment(id)
			.filter(TreatmentState::active)
			.orElseThrow(() -> new PageNotFound("We do not offer this treatment."));
		model.addAttribute("treatment", treatment);
		model.addAttribute("microneedling", treatment.category().toLowerCase(java.util.Locale.ROOT).contains("needling")
				|| treatment.id().value().contains("microneedling"));
		model.addAttribute("minutes", treatment.preparation().plus(treatment.duration()).toMinutes());
		return "client/treatment";
	}

}

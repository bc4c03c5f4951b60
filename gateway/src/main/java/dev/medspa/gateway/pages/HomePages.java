package dev.medspa.gateway.pages;

import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.ResourceAccessException;

/** The clinic and its treatments. */
@Controller
class HomePages {

	private final Catalog catalog;

	private final Services services;

	HomePages(Catalog catalog, Services services) {
		this.catalog = catalog;
		this.services = services;
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
		model.addAttribute("packageOffered", packageOffered(id));
		return "client/treatment";
	}

	/**
	 * Whether the treatment is sold as a prepaid package; false when the offers cannot be
	 * read just now (the page goes without the link).
	 */
	private boolean packageOffered(String treatmentId) {
		try {
			return !this.services.packageOffers(treatmentId).isEmpty();
		}
		catch (ServiceProblem | ResourceAccessException ex) {
			return false;
		}
	}

}

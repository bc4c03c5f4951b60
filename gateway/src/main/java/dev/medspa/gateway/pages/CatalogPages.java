package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Managers keep the treatments: what clients read (name, description, care before the
 * visit), the times that size a booking and the price. An edit goes back with the version
 * it was made on, so a manager never silently overwrites another: a stale edit shows the
 * current version and what was typed.
 */
@Controller
class CatalogPages {

	/** The fields of a treatment a manager sends back; the catalog refuses any other. */
	private static final List<String> REQUEST_FIELDS = List.of("slug", "name", "category", "description", "duration",
			"preparation", "cleanup", "price", "currency", "roomType", "qualification", "consultation", "series",
			"aftercare", "preCare", "deviceTypes");

	private final Catalog catalog;

	private final Services services;

	CatalogPages(Catalog catalog, Services services) {
		this.catalog = catalog;
		this.services = services;
	}

	@GetMapping("/staff/catalog/treatments")
	String treatments(Model model) {
		model.addAttribute("treatments", this.catalog.treatments());
		return "staff/treatments";
	}

	@GetMapping("/staff/catalog/treatments/{id}")
	String edit(@PathVariable String id, Model model) {
		Map<String, Object> treatment = this.services.staffTreatment(id);
		model.addAttribute("form", TreatmentForm.of(treatment));
		return "staff/treatment-edit";
	}

	@PostMapping("/staff/catalog/treatments/{id}")
	String save(@PathVariable String id, TreatmentForm form, @RequestParam long version, Model model,
			RedirectAttributes redirect) {
		Map<String, Object> current = this.services.staffTreatment(id);
		Map<String, Object> request = new LinkedHashMap<>();
		REQUEST_FIELDS.forEach(field -> {
			if (current.get(field) != null) {
				request.put(field, current.get(field));
			}
		});
		request.put("name", form.getName());
		request.put("description", form.getDescription());
		request.put("preCare", form.getPreCare().isBlank() ? null : form.getPreCare());
		request.put("duration", Duration.ofMinutes(form.getDurationMinutes()).toString());
		request.put("preparation", Duration.ofMinutes(form.getPreparationMinutes()).toString());
		request.put("cleanup", Duration.ofMinutes(form.getCleanupMinutes()).toString());
		request.put("price", form.getPrice());
		try {
			this.services.updateTreatment(id, version, request);
			redirect.addFlashAttribute("done", "Saved. Clients see the change now.");
			return "redirect:/staff/catalog/treatments/" + id;
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 412) {
				model.addAttribute("problem", "Someone else changed this treatment after you opened it. "
						+ "Below is the current version; your changes are listed so you can make them again.");
				model.addAttribute("yours", form);
				model.addAttribute("form", TreatmentForm.of(this.services.staffTreatment(id)));
			}
			else {
				model.addAttribute("problem", problem.fieldErrors().isEmpty() ? Problems.explain(problem).message()
						: "Please check the fields marked below.");
				model.addAttribute("fieldErrors", problem.fieldErrors());
				form.setVersion(version);
				model.addAttribute("form", form);
			}
			return "staff/treatment-edit";
		}
	}

	/** The editable part of a treatment, in minutes and plain numbers. */
	public static class TreatmentForm {

		private String id = "";

		private long version;

		private String name = "";

		private String description = "";

		private String preCare = "";

		private long durationMinutes;

		private long preparationMinutes;

		private long cleanupMinutes;

		private BigDecimal price = BigDecimal.ZERO;

		private String currency = "USD";

		static TreatmentForm of(Map<String, Object> treatment) {
			TreatmentForm form = new TreatmentForm();
			form.id = String.valueOf(treatment.get("id"));
			form.version = Long.parseLong(String.valueOf(treatment.get("version")));
			form.name = String.valueOf(treatment.get("name"));
			form.description = treatment.get("description") == null ? "" : String.valueOf(treatment.get("description"));
			form.preCare = treatment.get("preCare") == null ? "" : String.valueOf(treatment.get("preCare"));
			form.durationMinutes = Duration.parse(String.valueOf(treatment.get("duration"))).toMinutes();
			form.preparationMinutes = Duration.parse(String.valueOf(treatment.get("preparation"))).toMinutes();
			form.cleanupMinutes = Duration.parse(String.valueOf(treatment.get("cleanup"))).toMinutes();
			form.price = new BigDecimal(String.valueOf(treatment.get("price")));
			form.currency = String.valueOf(treatment.get("currency"));
			return form;
		}

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public long getVersion() {
			return this.version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getPreCare() {
			return this.preCare;
		}

		public void setPreCare(String preCare) {
			this.preCare = preCare;
		}

		public long getDurationMinutes() {
			return this.durationMinutes;
		}

		public void setDurationMinutes(long durationMinutes) {
			this.durationMinutes = durationMinutes;
		}

		public long getPreparationMinutes() {
			return this.preparationMinutes;
		}

		public void setPreparationMinutes(long preparationMinutes) {
			this.preparationMinutes = preparationMinutes;
		}

		public long getCleanupMinutes() {
			return this.cleanupMinutes;
		}

		public void setCleanupMinutes(long cleanupMinutes) {
			this.cleanupMinutes = cleanupMinutes;
		}

		public BigDecimal getPrice() {
			return this.price;
		}

		public void setPrice(BigDecimal price) {
			this.price = price;
		}

		public String getCurrency() {
			return this.currency;
		}

		public void setCurrency(String currency) {
			this.currency = currency;
		}

	}

}

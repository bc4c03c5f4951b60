package dev.medspa.gateway.pages;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.IntakeForms;
import dev.medspa.gateway.services.ServiceProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's forms before a visit, opened by the link in their e-mail: the booking, and
 * each health questionnaire and consent form it asks for, each sent on its own with the
 * client's typed name as signature. The link is the only key, so the page tells no
 * referrer where it came from. It works without JavaScript.
 */
@Controller
@RequestMapping("/forms/{token}")
class IntakeFormPages {

	static final String GONE = "This link does not work. It may be mistyped, or the appointment it was for may "
			+ "have changed; the clinic can help by phone.";

	static final String UPDATED = "This form was updated since you opened it. Please answer the current version.";

	static final String CLOSED = "These forms are closed, because the appointment is no longer going ahead. "
			+ "The clinic can help by phone.";

	/**
	 * Choices up to this many are shown as radio buttons, more as a list to pick from.
	 */
	private static final int RADIO_CHOICES = 4;

	private static final String ANSWER = "answers.";

	private static final String SIGNED_NAME = "signedName";

	private final IntakeForms intake;

	private final Catalog catalog;

	IntakeFormPages(IntakeForms intake, Catalog catalog) {
		this.intake = intake;
		this.catalog = catalog;
	}

	@ModelAttribute
	void noReferrer(HttpServletResponse response) {
		PrivateLinks.keepPrivate(response);
	}

	@GetMapping
	String view(@PathVariable String token, Model model) {
		return show(token, load(token), null, Map.of(), model);
	}

	/**
	 * Sends one form. A refusal shows the page again with what the client typed and the
	 * reasons next to their fields; a form updated since the page was read is shown in
	 * its current version, keeping the answers to the questions it still asks (answers
	 * are never kept in the session).
	 */
	@PostMapping("/{templateId}")
	String submit(@PathVariable String token, @PathVariable String templateId,
			@RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent, Model model,
			RedirectAttributes redirect) {
		Typed typed = Typed.read(templateId, params);
		Long version = number(params.getFirst("version"));
		if (version == null) {
			// the page sent no version it read: the client answers the current one
			model.addAttribute("problem", UPDATED);
			return show(token, load(token), typed, Map.of(), model);
		}
		try {
			this.intake.submit(token, templateId, typed.request(version), userAgent);
			redirect.addFlashAttribute("done", "Thank you, your answers are saved.");
			return "redirect:/forms/{token}";
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound(GONE);
			}
			if (problem.is("form-version-changed")) {
				model.addAttribute("problem", UPDATED);
				return show(token, load(token), typed, Map.of(), model);
			}
			if (problem.is("intake-closed")) {
				redirect.addFlashAttribute("problem", CLOSED);
				return "redirect:/forms/{token}";
			}
			Map<String, String> errors = problem.status() == 400 || problem.status() == 422 ? problem.fieldErrors()
					: Map.of();
			Map<String, String> elsewhere = new LinkedHashMap<>(errors);
			elsewhere.keySet().removeIf(field -> field.startsWith(ANSWER) || field.equals(SIGNED_NAME));
			if (errors.isEmpty()) {
				model.addAttribute("problem", Problems.explain(problem).message());
			}
			else if (elsewhere.isEmpty()) {
				model.addAttribute("problem", "Please check the answers marked below.");
			}
			else {
				model.addAttribute("problem", "Please check: " + String.join("; ",
						elsewhere.entrySet().stream().map(error -> error.getKey() + " " + error.getValue()).toList()));
			}
			return show(token, load(token), typed, errors, model);
		}
	}

	private Map<String, Object> load(String token) {
		return this.intake.forClient(token).orElseThrow(() -> new PageNotFound(GONE));
	}

	private String show(String token, Map<String, Object> intake, @Nullable Typed typed, Map<String, String> errors,
			Model model) {
		String treatmentId = String.valueOf(intake.get("treatmentId"));
		String locationId = String.valueOf(intake.get("locationId"));
		Optional<TreatmentState> treatment = quietly(() -> this.catalog.treatment(treatmentId));
		Optional<LocationState> location = quietly(() -> this.catalog.location(locationId));
		String zone = location.map(LocationState::zoneId).orElse("UTC");
		List<FormView> forms = new ArrayList<>();
		for (Map<String, Object> form : Forms.list(intake.get("forms"))) {
			forms.add(FormView.of(form, zone, typed, errors));
		}
		String status = String.valueOf(intake.get("status"));
		long due = forms.stream().filter(form -> !form.done()).count();
		model.addAttribute("token", token);
		model.addAttribute("treatmentName", treatment.map(TreatmentState::name).orElse(treatmentId));
		model.addAttribute("where",
				location.map(found -> found.name() + ", " + found.address().oneLine()).orElse(locationId));
		model.addAttribute("when", when(intake.get("start"), zone));
		model.addAttribute("forms", forms);
		model.addAttribute("due", due);
		model.addAttribute("allDone", due == 0 && !forms.isEmpty());
		model.addAttribute("inReview", "NEEDS_REVIEW".equals(status));
		return "forms/intake";
	}

	/**
	 * The catalog's word on a treatment or location, or empty when the catalog cannot say
	 * it now: the forms are the client's to fill in all the same.
	 */
	private static <T> Optional<T> quietly(Supplier<Optional<T>> lookup) {
		try {
			return lookup.get();
		}
		catch (ServiceProblem | ResourceAccessException ex) {
			return Optional.empty();
		}
	}

	private static String when(@Nullable Object time, String zone) {
		try {
			return Times.full(OffsetDateTime.parse(String.valueOf(time)), zone);
		}
		catch (DateTimeParseException ex) {
			return String.valueOf(time);
		}
	}

	private static @Nullable Long number(@Nullable String text) {
		try {
			return text == null ? null : Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A reason as the service gave it, said of the field it names. */
	static String said(String subject, String reason) {
		return !reason.isEmpty() && Character.isUpperCase(reason.charAt(0)) ? reason : subject + " " + reason;
	}

	/**
	 * What the client typed into one form: the answers by question id and the name
	 * signed, blank answers left out.
	 */
	record Typed(String templateId, Map<String, String> answers, String signedName) {

		static Typed read(String templateId, MultiValueMap<String, String> params) {
			Map<String, String> answers = new LinkedHashMap<>();
			params.forEach((name, values) -> {
				if (name.startsWith(ANSWER) && name.length() > ANSWER.length() && !values.isEmpty()
						&& values.get(0) != null && !values.get(0).isBlank()) {
					answers.put(name.substring(ANSWER.length()), values.get(0).trim());
				}
			});
			String signed = params.getFirst(SIGNED_NAME);
			return new Typed(templateId, answers, signed == null ? "" : signed.trim());
		}

		Map<String, Object> request(long version) {
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("version", version);
			request.put("answers", this.answers);
			if (!this.signedName.isEmpty()) {
				request.put(SIGNED_NAME, this.signedName);
			}
			return request;
		}

	}

	/** One form as the page shows it, with what was typed into it and its errors. */
	record FormView(String templateId, String domId, boolean consent, String title, long version, List<String> intro,
			List<QuestionView> questions, boolean signatureRequired, boolean done, @Nullable String submittedAt,
			String signedName, @Nullable String signedNameError) {

		static FormView of(Map<String, Object> form, String zone, @Nullable Typed typed, Map<String, String> errors) {
			String templateId = String.valueOf(form.get("templateId"));
			boolean mine = typed != null && typed.templateId().equals(templateId);
			String domId = "form-" + PageIds.safe(templateId);
			List<QuestionView> questions = new ArrayList<>();
			for (Map<String, Object> question : Forms.list(form.get("questions"))) {
				String id = String.valueOf(question.get("id"));
				String answer = mine ? typed.answers().getOrDefault(id, "") : "";
				String error = mine ? errors.get(ANSWER + id) : null;
				questions.add(QuestionView.of(question, domId, answer, error));
			}
			List<String> intro = form.get("intro") instanceof List<?> paragraphs
					? paragraphs.stream().map(String::valueOf).toList() : List.of();
			String nameError = mine ? errors.get(SIGNED_NAME) : null;
			Object submitted = form.get("submittedAt");
			return new FormView(templateId, domId, "CONSENT".equals(form.get("kind")),
					String.valueOf(form.get("title")),
					form.get("version") instanceof Number number ? number.longValue() : 0, intro, questions,
					Boolean.TRUE.equals(form.get("signatureRequired")), Boolean.TRUE.equals(form.get("done")),
					submitted == null ? null : when(submitted, zone), mine ? typed.signedName() : "",
					nameError == null ? null : said("Your name", nameError));
		}

	}

	/**
	 * One question: its input's name and id, the answer typed and the service's reason
	 * for refusing it.
	 */
	record QuestionView(String id, String kind, String label, @Nullable String help, boolean required,
			List<String> choices, boolean asRadios, String name, String domId, String answer, @Nullable String error) {

		static QuestionView of(Map<String, Object> question, String formDomId, String answer, @Nullable String error) {
			String id = String.valueOf(question.get("id"));
			String kind = String.valueOf(question.get("kind")).toUpperCase(Locale.ROOT);
			List<String> choices = question.get("choices") instanceof List<?> list
					? list.stream().map(String::valueOf).toList() : List.of();
			Object help = question.get("help");
			return new QuestionView(id, kind, String.valueOf(question.get("label")),
					help == null || String.valueOf(help).isBlank() ? null : String.valueOf(help),
					Boolean.TRUE.equals(question.get("required")), choices, choices.size() <= RADIO_CHOICES,
					ANSWER + id, formDomId + "-" + PageIds.safe(id), answer,
					error == null ? null : said("This answer", error));
		}

	}

	/** Ids of the page's elements made from the services' ids. */
	static final class PageIds {

		private PageIds() {
		}

		static String safe(String id) {
			return id.replaceAll("[^A-Za-z0-9_-]", "_");
		}

	}

}

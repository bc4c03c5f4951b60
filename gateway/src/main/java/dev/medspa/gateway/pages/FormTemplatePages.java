package dev.medspa.gateway.pages;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.IntakeForms;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.support.security.StaffRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The intake and consent form templates for staff: every signed-in member reads them and
 * their versions; managers and owners publish a new version (a version, once published,
 * never changes) or a new template. intake-service decides; its refusals are said next to
 * the fields they name.
 */
@Controller
@RequestMapping("/staff/forms")
class FormTemplatePages {

	static final Map<String, String> KINDS = labels("HEALTH", "Health questionnaire", "CONSENT", "Consent form");

	static final Map<String, String> QUESTION_KINDS = labels("YES_NO", "Yes or no", "CHOICE", "One of a list", "TEXT",
			"Text", "DATE", "Date");

	/** Empty question rows offered below the current questions, to add new ones. */
	static final int EMPTY_ROWS = 3;

	static final int DEFAULT_VALID_FOR_DAYS = 180;

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a 'UTC'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final Pattern QUESTION_FIELD = Pattern.compile("questions\\[(\\d+)]\\.([A-Za-z]+)");

	/** What the service may name of a question, shown at its input in the row. */
	private static final Set<String> QUESTION_FIELDS = Set.of("id", "kind", "label", "help", "required", "choices",
			"flagWhen");

	private static final Set<String> FORM_FIELDS = Set.of("templateId", "kind", "treatmentIds", "title", "intro",
			"validForDays", "questions");

	private static final String NOT_FOUND = "There is no form template of this name. It may be mistyped.";

	private final IntakeForms intake;

	private final Catalog catalog;

	private final StaffAccounts accounts;

	FormTemplatePages(IntakeForms intake, Catalog catalog, StaffAccounts accounts) {
		this.intake = intake;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@ModelAttribute
	void kinds(Model model) {
		model.addAttribute("kinds", KINDS);
		model.addAttribute("questionKinds", QUESTION_KINDS);
	}

	@GetMapping
	String list(Authentication member, Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		Map<String, String> treatments = treatmentNames();
		List<TemplateRow> rows = this.intake.templates()
			.stream()
			.map(template -> new TemplateRow(text(template.get("templateId")),
					text(template.get("title")).isEmpty() ? text(template.get("templateId"))
							: text(template.get("title")),
					KINDS.getOrDefault(text(template.get("kind")), text(template.get("kind"))),
					names(strings(template.get("treatmentIds")), treatments), text(template.get("currentVersion")),
					time(template.get("publishedAt"))))
			.toList();
		model.addAttribute("templates", rows);
		model.addAttribute("canPublish", canPublish(account));
		return "staff/forms/list";
	}

	// a new template

	@GetMapping("/new")
	String newTemplate(Authentication member, Model model) {
		publisher(member);
		VersionForm form = new VersionForm();
		form.kind = "HEALTH";
		form.validForDays = String.valueOf(DEFAULT_VALID_FOR_DAYS);
		return showNew(form, Map.of(), model);
	}

	@PostMapping("/new")
	String create(Authentication member, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		publisher(member);
		VersionForm form = VersionForm.read(params);
		form.templateId = value(params, "templateId");
		form.kind = value(params, "kind");
		Map<String, String> unreadable = new LinkedHashMap<>(form.unreadable());
		if (!form.templateId.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,79}")) {
			unreadable.put("templateId", "must be letters, digits and dashes, such as microneedling-health");
		}
		if (!KINDS.containsKey(form.kind)) {
			unreadable.put("kind", "must be chosen");
		}
		if (!unreadable.isEmpty()) {
			model.addAttribute("problem", "Please check the fields marked below.");
			return showNew(form, unreadable, model);
		}
		try {
			IntakeForms.Published published = this.intake.publish(form.templateId, form.request(form.kind));
			redirect.addFlashAttribute("done", said(published));
			return "redirect:/staff/forms/" + form.templateId;
		}
		catch (ServiceProblem problem) {
			Map<String, String> errors = refused(problem, model);
			return showNew(form, errors, model);
		}
	}

	private String showNew(VersionForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form.view(errors, treatmentChoices(form.treatmentIds)));
		return "staff/forms/new";
	}

	// one template

	@GetMapping("/{templateId}")
	String template(@PathVariable String templateId, Authentication member, Model model) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		Map<String, Object> template = this.intake.template(templateId).orElseThrow(() -> new PageNotFound(NOT_FOUND));
		VersionForm form = VersionForm.of(template);
		return showTemplate(template, account, form, Map.of(), model);
	}

	/** Publishes a new version of the template, of its kind. */
	@PostMapping("/{templateId}")
	String publish(@PathVariable String templateId, Authentication member,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		StaffAccount account = publisher(member);
		Map<String, Object> template = this.intake.template(templateId).orElseThrow(() -> new PageNotFound(NOT_FOUND));
		VersionForm form = VersionForm.read(params);
		form.templateId = templateId;
		form.kind = text(template.get("kind"));
		Map<String, String> unreadable = form.unreadable();
		if (!unreadable.isEmpty()) {
			model.addAttribute("problem", "Please check the fields marked below.");
			return showTemplate(template, account, form, unreadable, model);
		}
		try {
			IntakeForms.Published published = this.intake.publish(templateId, form.request(form.kind));
			redirect.addFlashAttribute("done", said(published));
			return "redirect:/staff/forms/{templateId}";
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound(NOT_FOUND);
			}
			Map<String, String> errors = refused(problem, model);
			return showTemplate(template, account, form, errors, model);
		}
	}

	private String showTemplate(Map<String, Object> template, StaffAccount account, VersionForm form,
			Map<String, String> errors, Model model) {
		List<Map<String, Object>> versions = Forms.list(template.get("versions"));
		Map<String, String> treatments = treatmentNames();
		model.addAttribute("templateId", text(template.get("templateId")));
		model.addAttribute("kind", KINDS.getOrDefault(text(template.get("kind")), text(template.get("kind"))));
		model.addAttribute("treatments", names(strings(template.get("treatmentIds")), treatments));
		model.addAttribute("current", versions.isEmpty() ? null : VersionView.of(versions.get(0)));
		model.addAttribute("older", versions.size() < 2 ? List.of()
				: versions.subList(1, versions.size()).stream().map(VersionView::of).toList());
		boolean canPublish = canPublish(account);
		model.addAttribute("canPublish", canPublish);
		if (canPublish) {
			model.addAttribute("form", form.view(errors, treatmentChoices(form.treatmentIds)));
		}
		return "staff/forms/template";
	}

	/**
	 * The service's refusal: its field errors by the form's fields, those of no field
	 * said above the form with the plain explanation.
	 */
	private static Map<String, String> refused(ServiceProblem problem, Model model) {
		if (problem.status() == 403 || problem.status() == 401) {
			model.addAttribute("problem",
					"Your account may not publish forms: only managers and owners can. Nothing was published.");
			return Map.of();
		}
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> elsewhere = new ArrayList<>();
		if (problem.status() == 400 || problem.status() == 422) {
			problem.fieldErrors().forEach((field, reason) -> {
				String at = fieldOf(field);
				if (at == null) {
					elsewhere.add(field + " " + reason);
				}
				else {
					errors.putIfAbsent(at, reason);
				}
			});
		}
		if (errors.isEmpty() && elsewhere.isEmpty()) {
			model.addAttribute("problem", Problems.explain(problem).message() + " Nothing was published.");
		}
		else if (elsewhere.isEmpty()) {
			model.addAttribute("problem", "Please check the fields marked below. Nothing was published.");
		}
		else {
			model.addAttribute("problem", "Please check: " + String.join("; ", elsewhere) + ". Nothing was published.");
		}
		return errors;
	}

	/**
	 * The form's field a service's field path names ({@code intro[2]} is the intro,
	 * {@code questions[1].choices[0]} the second row's choices), or null when it names
	 * none.
	 */
	static @Nullable String fieldOf(String path) {
		Matcher question = QUESTION_FIELD.matcher(path);
		if (question.lookingAt()) {
			return QUESTION_FIELDS.contains(question.group(2))
					? "questions[" + question.group(1) + "]." + question.group(2) : null;
		}
		String field = path.replaceAll("\\[.*$", "").replaceAll("\\..*$", "");
		if (path.matches("questions\\[\\d+]")) {
			return path;
		}
		return FORM_FIELDS.contains(field) ? field : null;
	}

	private static String said(IntakeForms.Published published) {
		return published.created() ? "Version " + published.number() + " published."
				: "Nothing changed: version " + published.number() + " is current.";
	}

	private static boolean canPublish(StaffAccount account) {
		return account.has(StaffRole.MANAGER) || account.has(StaffRole.OWNER);
	}

	/** The member, when they may publish; refused otherwise. */
	private StaffAccount publisher(Authentication member) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		if (!canPublish(account)) {
			throw new AccessDeniedException("Only managers and owners publish forms");
		}
		return account;
	}

	/** Treatment names by id, from the catalog; empty when it does not answer now. */
	private Map<String, String> treatmentNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (TreatmentState treatment : catalogTreatments()) {
			names.put(treatment.id().value(), treatment.name());
		}
		return names;
	}

	private List<TreatmentState> catalogTreatments() {
		try {
			return this.catalog.treatments();
		}
		catch (ServiceProblem | ResourceAccessException ex) {
			return List.of();
		}
	}

	/**
	 * The catalog's treatments to tick, and the chosen ones it does not list (retired, or
	 * not known to it) after them.
	 */
	private List<TreatmentChoice> treatmentChoices(List<String> chosen) {
		List<TreatmentChoice> choices = new ArrayList<>();
		Set<String> listed = new LinkedHashSet<>();
		for (TreatmentState treatment : catalogTreatments()) {
			String id = treatment.id().value();
			listed.add(id);
			choices.add(new TreatmentChoice(id, treatment.name(), chosen.contains(id)));
		}
		for (String id : chosen) {
			if (!listed.contains(id)) {
				choices.add(new TreatmentChoice(id, id, true));
			}
		}
		return choices;
	}

	private static String names(List<String> ids, Map<String, String> names) {
		return ids.isEmpty() ? "none" : String.join(", ", ids.stream().map(id -> names.getOrDefault(id, id)).toList());
	}

	static String time(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		try {
			return UTC.format(OffsetDateTime.parse(String.valueOf(value)));
		}
		catch (DateTimeParseException ex) {
			try {
				return UTC.format(Instant.parse(String.valueOf(value)));
			}
			catch (DateTimeParseException again) {
				return String.valueOf(value);
			}
		}
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	private static List<String> strings(@Nullable Object value) {
		return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value.trim();
	}

	/** Comma-separated words, trimmed, blanks left out. */
	static List<String> commaSeparated(String text) {
		return Arrays.stream(text.split(",")).map(String::trim).filter(word -> !word.isEmpty()).toList();
	}

	private static Map<String, String> labels(String... keysAndLabels) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < keysAndLabels.length; i += 2) {
			labels.put(keysAndLabels[i], keysAndLabels[i + 1]);
		}
		return labels;
	}

	/** A template in the list. */
	record TemplateRow(String templateId, String title, String kind, String treatments, String currentVersion,
			String publishedAt) {
	}

	/** A treatment to tick for a template. */
	record TreatmentChoice(String id, String name, boolean chosen) {
	}

	/** A published version as staff read it. */
	record VersionView(String version, String title, String contentHash, String publishedAt, String publishedBy,
			String validForDays, List<String> intro, List<QuestionLine> questions) {

		static VersionView of(Map<String, Object> version) {
			return new VersionView(text(version.get("version")), text(version.get("title")),
					text(version.get("contentHash")), time(version.get("publishedAt")),
					text(version.get("publishedBy")), text(version.get("validForDays")), strings(version.get("intro")),
					Forms.list(version.get("questions")).stream().map(QuestionLine::of).toList());
		}

	}

	/** A question of a published version. */
	record QuestionLine(String id, String kind, String label, String help, boolean required, String choices,
			String flagWhen) {

		static QuestionLine of(Map<String, Object> question) {
			return new QuestionLine(text(question.get("id")),
					QUESTION_KINDS.getOrDefault(text(question.get("kind")), text(question.get("kind"))),
					text(question.get("label")), text(question.get("help")),
					Boolean.TRUE.equals(question.get("required")), String.join(", ", strings(question.get("choices"))),
					String.join(", ", strings(question.get("flagWhen"))));
		}

	}

	/**
	 * The form of a version to publish, as typed: the intro with blank lines between
	 * paragraphs, choices and flagged answers comma-separated, one row per question.
	 */
	static final class VersionForm {

		String templateId = "";

		String kind = "";

		List<String> treatmentIds = List.of();

		String title = "";

		String intro = "";

		String validForDays = "";

		List<QuestionRow> questions = new ArrayList<>();

		/** Prefilled from the template's current version. */
		static VersionForm of(Map<String, Object> template) {
			VersionForm form = new VersionForm();
			form.templateId = text(template.get("templateId"));
			form.kind = text(template.get("kind"));
			form.treatmentIds = strings(template.get("treatmentIds"));
			List<Map<String, Object>> versions = Forms.list(template.get("versions"));
			if (versions.isEmpty()) {
				form.validForDays = String.valueOf(DEFAULT_VALID_FOR_DAYS);
				return form;
			}
			Map<String, Object> current = versions.get(0);
			form.title = text(current.get("title"));
			form.intro = String.join("\n\n", strings(current.get("intro")));
			form.validForDays = text(current.get("validForDays"));
			for (Map<String, Object> question : Forms.list(current.get("questions"))) {
				form.questions.add(new QuestionRow(text(question.get("id")), text(question.get("kind")),
						text(question.get("label")), text(question.get("help")),
						Boolean.TRUE.equals(question.get("required")),
						String.join(", ", strings(question.get("choices"))),
						String.join(", ", strings(question.get("flagWhen")))));
			}
			return form;
		}

		/**
		 * As the page sent it; rows left wholly blank are dropped, so the rows kept are
		 * the questions sent, in order.
		 */
		static VersionForm read(MultiValueMap<String, String> params) {
			VersionForm form = new VersionForm();
			form.title = value(params, "title");
			form.intro = params.getFirst("intro") == null ? "" : params.getFirst("intro").strip();
			form.validForDays = value(params, "validForDays");
			Set<String> treatments = new LinkedHashSet<>();
			for (String id : params.getOrDefault("treatmentIds", List.of())) {
				if (id != null && !id.isBlank()) {
					treatments.add(id.trim());
				}
			}
			treatments.addAll(commaSeparated(value(params, "moreTreatmentIds")));
			form.treatmentIds = List.copyOf(treatments);
			Set<Integer> rows = new TreeSet<>();
			for (String name : params.keySet()) {
				Matcher row = QUESTION_FIELD.matcher(name);
				if (row.matches()) {
					rows.add(Integer.valueOf(row.group(1)));
				}
			}
			for (int row : rows) {
				String at = "questions[" + row + "].";
				QuestionRow question = new QuestionRow(value(params, at + "id"), value(params, at + "kind"),
						value(params, at + "label"), value(params, at + "help"),
						"true".equals(value(params, at + "required")), value(params, at + "choices"),
						value(params, at + "flagWhen"));
				if (!question.blank()) {
					form.questions.add(question);
				}
			}
			return form;
		}

		/** What cannot be sent as it is. */
		Map<String, String> unreadable() {
			Map<String, String> errors = new LinkedHashMap<>();
			if (!this.validForDays.matches("\\d{1,5}")) {
				errors.put("validForDays", "must be a whole number of days, such as 180");
			}
			return errors;
		}

		/** The version as intake-service reads it. */
		Map<String, Object> request(String kind) {
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("kind", kind);
			request.put("treatmentIds", this.treatmentIds);
			request.put("title", this.title);
			request.put("intro", paragraphs(this.intro));
			request.put("questions", this.questions.stream().map(QuestionRow::request).toList());
			request.put("validForDays", Integer.valueOf(this.validForDays));
			return request;
		}

		/** The form on the page: its rows with their errors, and empty rows to add. */
		FormView view(Map<String, String> errors, List<TreatmentChoice> treatments) {
			List<RowView> rows = new ArrayList<>();
			for (int i = 0; i < this.questions.size() + EMPTY_ROWS; i++) {
				QuestionRow question = i < this.questions.size() ? this.questions.get(i) : QuestionRow.EMPTY;
				Map<String, String> rowErrors = new LinkedHashMap<>();
				String prefix = "questions[" + i + "]";
				if (errors.containsKey(prefix)) {
					rowErrors.put("row", errors.get(prefix));
				}
				for (String field : QUESTION_FIELDS) {
					if (errors.containsKey(prefix + "." + field)) {
						rowErrors.put(field, errors.get(prefix + "." + field));
					}
				}
				rows.add(new RowView(i, question, rowErrors));
			}
			return new FormView(this.templateId, this.kind, treatments,
					String.join(", ",
							this.treatmentIds.stream()
								.filter(id -> treatments.stream().noneMatch(choice -> choice.id().equals(id)))
								.toList()),
					this.title, this.intro, this.validForDays, rows, errors);
		}

		static List<String> paragraphs(String text) {
			return Arrays.stream(text.split("\\R\\s*\\R"))
				.map(paragraph -> paragraph.strip().replaceAll("\\s*\\R\\s*", " "))
				.filter(paragraph -> !paragraph.isEmpty())
				.toList();
		}

	}

	/** One question as typed into its row. */
	record QuestionRow(String id, String kind, String label, String help, boolean required, String choices,
			String flagWhen) {

		static final QuestionRow EMPTY = new QuestionRow("", "YES_NO", "", "", false, "", "");

		boolean blank() {
			return this.id.isEmpty() && this.label.isEmpty() && this.help.isEmpty() && this.choices.isEmpty()
					&& this.flagWhen.isEmpty();
		}

		Map<String, Object> request() {
			Map<String, Object> question = new LinkedHashMap<>();
			question.put("id", this.id);
			question.put("kind", this.kind);
			question.put("label", this.label);
			question.put("help", this.help.isEmpty() ? null : this.help);
			question.put("required", this.required);
			question.put("choices", commaSeparated(this.choices));
			question.put("flagWhen", commaSeparated(this.flagWhen));
			return question;
		}

	}

	/** The publish form on the page. */
	record FormView(String templateId, String kind, List<TreatmentChoice> treatments, String moreTreatmentIds,
			String title, String intro, String validForDays, List<RowView> rows, Map<String, String> errors) {

		public @Nullable String error(String field) {
			return this.errors.get(field);
		}

	}

	/** A question row on the page, with the reasons for refusing its fields. */
	record RowView(int index, QuestionRow question, Map<String, String> errors) {

		public String name(String field) {
			return "questions[" + this.index + "]." + field;
		}

		public String id(String field) {
			return "q" + this.index + "-" + field;
		}

		public @Nullable String error(String field) {
			return this.errors.get(field);
		}

	}

}

package dev.medspa.intake.form.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.medspa.intake.form.FormContent;
import dev.medspa.intake.form.FormKind;
import dev.medspa.intake.form.FormLibrary;
import dev.medspa.intake.form.FormTemplate;
import dev.medspa.intake.form.FormVersion;
import dev.medspa.intake.form.Question;
import dev.medspa.intake.form.QuestionKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The clinic's form templates and their versions. */
@RestController
@Tag(name = "Staff: forms", description = "Intake and consent form templates and their immutable versions")
class FormTemplateController {

	private final FormLibrary library;

	FormTemplateController(FormLibrary library) {
		this.library = library;
	}

	@Operation(summary = "List the form templates",
			description = "Every template: its kind, the treatments that ask for it and its current version.")
	@GetMapping("/api/staff/forms")
	List<TemplateSummary> list() {
		return this.library.templates().stream().map(template -> {
			FormVersion current = this.library.currentVersion(template).orElse(null);
			return new TemplateSummary(template.id(), template.kind().name(),
					current == null ? template.id() : current.content().title(), template.treatmentIds(),
					current == null ? 0 : current.version(), current == null ? null : current.publishedAt());
		}).toList();
	}

	@Operation(summary = "Read a form template and its versions",
			description = "The template and every published version, the newest first, with its content and "
					+ "content hash. 404 when there is no such template.")
	@GetMapping("/api/staff/forms/{templateId}")
	TemplateView read(@PathVariable String templateId) {
		FormTemplate template = this.library.template(templateId);
		return new TemplateView(template.id(), template.kind().name(), template.treatmentIds(),
				this.library.versions(templateId).stream().map(VersionView::of).toList());
	}

	@Operation(summary = "Publish a new version of a form",
			description = "Publishes the content as the template's next version, making the template on its first "
					+ "one. A published version never changes; bookings made from now on ask for this one, and a "
					+ "consent in a new version is signed again. 201 with the new version; 200 with the current "
					+ "version when nothing changed; 422 names what to fix.")
	@PutMapping("/api/staff/forms/{templateId}")
	ResponseEntity<VersionView> publish(@PathVariable String templateId, @Valid @RequestBody PublishRequest request,
			Authentication caller) {
		FormLibrary.Published published = this.library.publish(templateId,
				java.util.Objects.requireNonNull(request.kind()),
				java.util.Objects.requireNonNull(request.treatmentIds()),
				new FormContent(String.valueOf(request.title()).strip(), request.intro() == null ? List.of()
						: request.intro().stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList(),
						java.util.Objects.requireNonNull(request.questions())
							.stream()
							.map(QuestionRequest::toQuestion)
							.toList(),
						request.validForDays() == null ? 0 : request.validForDays()),
				caller.getName());
		return ResponseEntity.status(published.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(VersionView.of(published.version()));
	}

	record PublishRequest(@NotNull @Nullable FormKind kind,
			@NotEmpty @Size(max = 20) @Nullable List<@NotBlank @Size(max = 80) String> treatmentIds,
			@NotBlank @Size(max = 200) @Nullable String title,
			@Size(max = 40) @Nullable List<@Size(max = 4000) String> intro,
			@NotEmpty @Size(max = 60) @Nullable List<@Valid @NotNull QuestionRequest> questions,
			@Min(0) @Max(3650) @Nullable Integer validForDays) {
	}

	record QuestionRequest(@NotBlank @Size(max = 63) @Nullable String id, @NotNull @Nullable QuestionKind kind,
			@NotBlank @Size(max = 500) @Nullable String label, @Size(max = 1000) @Nullable String help,
			boolean required, @Size(max = 30) @Nullable List<@NotBlank @Size(max = 200) String> choices,
			@Size(max = 30) @Nullable List<@NotBlank @Size(max = 200) String> flagWhen) {

		Question toQuestion() {
			return new Question(String.valueOf(this.id).strip(), java.util.Objects.requireNonNull(this.kind),
					String.valueOf(this.label).strip(),
					(this.help == null || this.help.isBlank()) ? null : this.help.strip(), this.required,
					this.choices == null ? List.of() : this.choices.stream().map(String::strip).toList(),
					this.flagWhen == null ? List.of() : this.flagWhen.stream().map(String::strip).toList());
		}

	}

	record TemplateSummary(String templateId, String kind, String title, List<String> treatmentIds, long currentVersion,
			@Nullable Instant publishedAt) {
	}

	record TemplateView(String templateId, String kind, List<String> treatmentIds, List<VersionView> versions) {
	}

	record VersionView(String templateId, long version, String kind, List<String> treatmentIds, String title,
			List<String> intro, List<Question> questions, int validForDays, String contentHash, Instant publishedAt,
			String publishedBy) {

		static VersionView of(FormVersion version) {
			return new VersionView(version.templateId(), version.version(), version.kind().name(),
					version.treatmentIds(), version.content().title(), version.content().intro(),
					version.content().questions(), version.content().validForDays(), version.contentHash(),
					version.publishedAt(), version.publishedBy());
		}

	}

}

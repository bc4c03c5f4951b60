package dev.medspa.intake.form;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.medspa.support.Refusal;

import org.springframework.stereotype.Service;

/**
 * Keeps form templates and publishes their versions. A published version is never
 * changed: a manager who edits a form publishes the next version, and bookings made from
 * then on ask for it.
 */
@Service
public class FormLibrary {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	private final FormStore store;

	private final Clock clock;

	public FormLibrary(FormStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public List<FormTemplate> templates() {
		return this.store.templates();
	}

	public FormTemplate template(String id) {
		return this.store.template(id).orElseThrow(() -> Refusal.notFound("Form", "No form " + id));
	}

	/** Every version of a template, the newest first. */
	public List<FormVersion> versions(String templateId) {
		template(templateId);
		return this.store.versions(templateId);
	}

	/** One version of a template, which must exist. */
	public FormVersion versionOf(String templateId, long version) {
		return this.store.version(templateId, version)
			.orElseThrow(() -> Refusal.notFound("Form", "No version " + version + " of form " + templateId));
	}

	/** The current versions of the forms a treatment asks for, health questions first. */
	public List<FormVersion> currentFor(String treatmentId) {
		List<FormVersion> current = new ArrayList<>();
		for (FormTemplate template : this.store.templatesFor(treatmentId)) {
			currentVersion(template).ifPresent(current::add);
		}
		current.sort(java.util.Comparator.comparing((FormVersion version) -> version.kind())
			.thenComparing(FormVersion::templateId));
		return current;
	}

	/**
	 * The newest version of a template. A version stored by a publish that stopped before
	 * pointing the template at it counts too, so it is never published twice.
	 */
	public Optional<FormVersion> currentVersion(FormTemplate template) {
		long version = template.currentVersion();
		while (this.store.version(template.id(), version + 1).isPresent()) {
			version++;
		}
		return version == 0 ? Optional.empty() : this.store.version(template.id(), version);
	}

	/**
	 * Publishes a new version of a template, making the template on its first version.
	 * @return the version published, and whether it is new (false when the content is the
	 * current version's already)
	 */
	public Published publish(String templateId, FormKind kind, List<String> treatmentIds, FormContent content,
			String publishedBy) {
		check(templateId, treatmentIds, content);
		FormTemplate template = this.store.template(templateId).orElse(null);
		if (template == null) {
			this.store.insertTemplate(new FormTemplate(templateId, kind, treatmentIds, 0));
			template = this.store.template(templateId).orElseThrow();
		}
		if (template.kind() != kind) {
			throw Refusal.unprocessable("form-kind-fixed", "A form keeps its kind", "kind",
					"This form is a " + template.kind() + " form; publish a " + kind + " form under another id");
		}
		String hash = content.hash();
		Optional<FormVersion> current = currentVersion(template);
		if (current.isPresent() && current.get().contentHash().equals(hash)
				&& new HashSet<>(current.get().treatmentIds()).equals(new HashSet<>(treatmentIds))) {
			return new Published(current.get(), false);
		}
		long next = current.map(FormVersion::version).orElse(0L) + 1;
		FormVersion version = new FormVersion(FormVersion.idOf(templateId, next), templateId, next, kind, treatmentIds,
				content, hash, this.clock.instant(), publishedBy);
		if (!this.store.insertVersion(version)) {
			throw Refusal.conflict("form-published-meanwhile", "Another version was published meanwhile", null,
					"Someone published version " + next + " of this form a moment ago. Read it and publish again.");
		}
		this.store.advance(templateId, template.currentVersion(), next, treatmentIds);
		return new Published(version, true);
	}

	private static void check(String templateId, List<String> treatmentIds, FormContent content) {
		if (!ID.matcher(templateId).matches()) {
			throw Refusal.unprocessable("invalid-form", "Invalid form", "templateId",
					"Lower-case letters, digits and dashes, 2 to 63 characters");
		}
		if (treatmentIds.isEmpty()) {
			throw Refusal.unprocessable("invalid-form", "Invalid form", "treatmentIds",
					"Name at least one treatment that asks for this form");
		}
		if (content.questions().isEmpty()) {
			throw Refusal.unprocessable("invalid-form", "Invalid form", "questions",
					"A form asks at least one question");
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < content.questions().size(); i++) {
			Question question = content.questions().get(i);
			String field = "questions[" + i + "]";
			if (!ID.matcher(question.id()).matches()) {
				throw Refusal.unprocessable("invalid-form", "Invalid form", field + ".id",
						"Lower-case letters, digits and dashes, 2 to 63 characters");
			}
			if (!ids.add(question.id())) {
				throw Refusal.unprocessable("invalid-form", "Invalid form", field + ".id",
						"Question " + question.id() + " appears twice");
			}
			if (question.kind() == QuestionKind.CHOICE && question.choices().size() < 2) {
				throw Refusal.unprocessable("invalid-form", "Invalid form", field + ".choices",
						"A choice question offers at least two choices");
			}
			if (question.kind() != QuestionKind.CHOICE && !question.choices().isEmpty()) {
				throw Refusal.unprocessable("invalid-form", "Invalid form", field + ".choices",
						"Only a choice question has choices");
			}
			for (String flag : question.flagWhen()) {
				try {
					if (!flag.equalsIgnoreCase(question.normalise(flag).orElse(""))) {
						throw new IllegalArgumentException("not an answer this question takes");
					}
				}
				catch (IllegalArgumentException ex) {
					throw Refusal.unprocessable("invalid-form", "Invalid form", field + ".flagWhen",
							"\"" + flag + "\" is not an answer this question takes");
				}
			}
		}
	}

	/** A version and whether this publish made it. */
	public record Published(FormVersion version, boolean created) {
	}

}

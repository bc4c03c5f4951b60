package dev.medspa.intake.form;

import java.util.List;
import java.util.Optional;

/** Where templates and their versions are kept (implemented in the persistence layer). */
public interface FormStore {

	Optional<FormTemplate> template(String id);

	List<FormTemplate> templates();

	/** The templates a treatment asks for. */
	List<FormTemplate> templatesFor(String treatmentId);

	Optional<FormVersion> version(String templateId, long version);

	/** Every stored version of a template, the newest first. */
	List<FormVersion> versions(String templateId);

	/**
	 * @return false when a template with this id exists
	 */
	boolean insertTemplate(FormTemplate template);

	/**
	 * @return false when this version was stored already (a concurrent publish)
	 */
	boolean insertVersion(FormVersion version);

	/**
	 * Points the template at a newer version and sets its treatments, if it still points
	 * at {@code expectedVersion}.
	 */
	boolean advance(String templateId, long expectedVersion, long nextVersion, List<String> treatmentIds);

}

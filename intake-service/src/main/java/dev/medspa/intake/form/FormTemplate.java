package dev.medspa.intake.form;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A form the clinic keeps: which treatments ask for it, what kind it is, and which of its
 * versions is current. The versions themselves are {@link FormVersion}s.
 *
 * @param currentVersion the newest published version; 0 before the first
 */
@Document(FormTemplate.COLLECTION)
public record FormTemplate(@Id String id, FormKind kind, List<String> treatmentIds, long currentVersion) {

	public static final String COLLECTION = "form_templates";

	public FormTemplate {
		treatmentIds = treatmentIds == null ? List.of() : List.copyOf(treatmentIds);
	}

}

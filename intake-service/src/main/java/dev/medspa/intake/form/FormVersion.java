package dev.medspa.intake.form;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One published version of a form: never changed once stored. Its id is
 * {@code <template>:<version>}.
 *
 * @param contentHash the SHA-256 of {@link #content()}, which submissions refer to
 * @param publishedBy the staff member who published it
 */
@Document(FormVersion.COLLECTION)
public record FormVersion(@Id String id, String templateId, long version, FormKind kind, List<String> treatmentIds,
		FormContent content, String contentHash, Instant publishedAt, String publishedBy) {

	public static final String COLLECTION = "form_versions";

	public FormVersion {
		treatmentIds = treatmentIds == null ? List.of() : List.copyOf(treatmentIds);
	}

	public static String idOf(String templateId, long version) {
		return templateId + ":" + version;
	}

}

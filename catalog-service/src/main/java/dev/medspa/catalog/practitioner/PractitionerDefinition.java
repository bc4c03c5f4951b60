package dev.medspa.catalog.practitioner;

import java.util.List;

/**
 * What a manager says of a practitioner: a display name, a role, qualifications and where
 * they work.
 */
public record PractitionerDefinition(String displayName, String role, List<String> qualifications,
		List<String> locations) {

	public PractitionerDefinition {
		qualifications = List.copyOf(qualifications);
		locations = List.copyOf(locations);
	}

}

package dev.medspa.events.catalog;

import java.util.List;

import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;

/**
 * The full state of a practitioner as the catalog publishes it: a display name and what
 * they may do where; no personal data beyond that.
 *
 * @param qualifications what treatments they are qualified for, matched against a
 * treatment's qualification
 * @param locations where they work
 */
public record PractitionerState(PractitionerId id, String displayName, String role, List<String> qualifications,
		List<LocationId> locations, boolean active, long version) {

	public PractitionerState {
		qualifications = List.copyOf(qualifications);
		locations = List.copyOf(locations);
	}

}

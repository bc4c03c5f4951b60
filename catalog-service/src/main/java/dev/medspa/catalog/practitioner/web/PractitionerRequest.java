package dev.medspa.catalog.practitioner.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.medspa.catalog.practitioner.PractitionerDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A practitioner as a manager sends it.
 *
 * @param qualifications matched against a treatment's qualification, e.g. microneedling
 * @param locations ids of the locations where they work
 */
record PractitionerRequest(@NotBlank @Size(max = 100) @Nullable String displayName,
		@NotBlank @Size(max = 100) @Nullable String role,
		@NotNull @Size(max = 30) @Nullable List<@NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
				message = "must be lower-case letters and digits joined by dashes") String> qualifications,
		@NotNull @Size(min = 1, max = 30) @Nullable List<@NotBlank String> locations) {

	@SuppressWarnings("NullAway") // bean validation has checked the required fields
	PractitionerDefinition toDefinition() {
		return new PractitionerDefinition(this.displayName, this.role, this.qualifications, this.locations);
	}

}

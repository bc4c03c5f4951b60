package dev.medspa.events;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a practitioner; written as a plain JSON string. */
public record PractitionerId(@JsonValue String value) {

	public PractitionerId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("A practitioner id must not be blank");
		}
	}

	@JsonCreator
	public static PractitionerId of(String value) {
		return new PractitionerId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}

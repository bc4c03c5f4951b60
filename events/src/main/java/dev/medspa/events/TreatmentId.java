package dev.medspa.events;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a treatment; written as a plain JSON string. */
public record TreatmentId(@JsonValue String value) {

	public TreatmentId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("A treatment id must not be blank");
		}
	}

	@JsonCreator
	public static TreatmentId of(String value) {
		return new TreatmentId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}

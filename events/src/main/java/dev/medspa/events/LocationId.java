package dev.medspa.events;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a location; written as a plain JSON string. */
public record LocationId(@JsonValue String value) {

	public LocationId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("A location id must not be blank");
		}
	}

	@JsonCreator
	public static LocationId of(String value) {
		return new LocationId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}

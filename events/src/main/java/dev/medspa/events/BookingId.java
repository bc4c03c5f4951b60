package dev.medspa.events;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a booking; written as a plain JSON string. */
public record BookingId(@JsonValue String value) {

	public BookingId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("A booking id must not be blank");
		}
	}

	@JsonCreator
	public static BookingId of(String value) {
		return new BookingId(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}

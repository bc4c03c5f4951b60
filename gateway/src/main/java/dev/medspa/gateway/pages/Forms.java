package dev.medspa.gateway.pages;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * Reading the pages' forms of repeated rows (one input of a name per row) and the
 * services' JSON lists.
 */
final class Forms {

	private Forms() {
	}

	/** The {@code index}th value of a repeated input, trimmed; empty when absent. */
	static String value(MultiValueMap<String, String> form, String name, int index) {
		List<String> values = form.getOrDefault(name, List.of());
		return index < values.size() ? values.get(index).trim() : "";
	}

	/** A JSON list of objects, or an empty list when the value is anything else. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(@Nullable Object value) {
		return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
	}

	/** A JSON object, or an empty map when the value is anything else. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> map(@Nullable Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

}

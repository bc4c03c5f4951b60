package dev.medspa.gateway.docs;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas of event records, read from the records by reflection, so a published
 * schema changes with its record and cannot drift from it. They describe the JSON that
 * the producers' mapper ({@code EventJson}) writes: a type with a {@link JsonValue}
 * accessor (the id wrappers) as that value, times and durations as ISO-8601 strings,
 * enums by name, and every component, a null one included. A component marked
 * {@code @Nullable} may be null or, from older producers, absent; every other one is
 * required.
 * <p>
 * The keywords are those that JSON Schema draft-07 and the AsyncAPI 3.0 Schema Object
 * share (type, properties, required, items, enum, format, pattern), so the schemas are in
 * AsyncAPI's default schema format and every AsyncAPI tool reads them without a
 * {@code schemaFormat}. A type this class does not know is refused rather than guessed.
 */
final class JsonSchemas {

	/**
	 * A {@link LocalTime}: Jackson writes {@code HH:mm:ss}, with a fraction of a second
	 * when there is one; {@code HH:mm}, which readers take too, is allowed. Not the
	 * {@code time} format, which demands a UTC offset.
	 */
	static final String LOCAL_TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?$";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Map<Class<?>, String> INTEGERS = Map.of(int.class, "int32", Integer.class, "int32",
			short.class, "int32", Short.class, "int32", long.class, "int64", Long.class, "int64");

	private static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class, float.class, Float.class,
			BigDecimal.class);

	private static final Map<Class<?>, String> FORMATTED_STRINGS = Map.of(Instant.class, "date-time",
			OffsetDateTime.class, "date-time", ZonedDateTime.class, "date-time", LocalDate.class, "date",
			Duration.class, "duration", Period.class, "duration", UUID.class, "uuid");

	private JsonSchemas() {
	}

	/** The schema of a record as its JSON. */
	static ObjectNode of(Class<?> type) {
		return schema(type, new HashSet<>());
	}

	/** Allows null besides what the schema allows. */
	static ObjectNode orNull(ObjectNode schema) {
		JsonNode type = schema.get("type");
		if (type != null && type.isString()) {
			schema.set("type", NODES.arrayNode().add(type.stringValue()).add("null"));
		}
		if (schema.get("enum") instanceof ArrayNode values) {
			values.addNull();
		}
		return schema;
	}

	private static ObjectNode schema(Type type, Set<Class<?>> enclosing) {
		Class<?> raw = raw(type);
		Method value = jsonValue(raw);
		if (value != null) {
			return schema(value.getGenericReturnType(), enclosing);
		}
		if (raw == String.class) {
			return typed("string");
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return typed("boolean");
		}
		if (INTEGERS.containsKey(raw)) {
			return typed("integer").put("format", INTEGERS.get(raw));
		}
		if (raw == BigInteger.class) {
			return typed("integer");
		}
		if (NUMBERS.contains(raw)) {
			return typed("number");
		}
		if (FORMATTED_STRINGS.containsKey(raw)) {
			return typed("string").put("format", FORMATTED_STRINGS.get(raw));
		}
		if (raw == LocalTime.class) {
			return typed("string").put("pattern", LOCAL_TIME_PATTERN)
				.put("description", "A local time, HH:mm:ss, with a fraction of a second when there is one");
		}
		if (ZoneId.class.isAssignableFrom(raw)) {
			return typed("string").put("description", "An IANA time zone id");
		}
		if (raw.isEnum()) {
			ObjectNode schema = typed("string");
			ArrayNode names = schema.putArray("enum");
			Arrays.stream(raw.getEnumConstants()).forEach(constant -> names.add(((Enum<?>) constant).name()));
			return schema;
		}
		if (Collection.class.isAssignableFrom(raw)) {
			ObjectNode array = typed("array");
			array.set("items", schema(argument(type, 0), enclosing));
			return Set.class.isAssignableFrom(raw) ? array.put("uniqueItems", true) : array;
		}
		if (Map.class.isAssignableFrom(raw) && raw(argument(type, 0)) == String.class) {
			ObjectNode object = typed("object");
			object.set("additionalProperties", schema(argument(type, 1), enclosing));
			return object;
		}
		if (raw.isRecord()) {
			return record(raw, enclosing);
		}
		throw new IllegalArgumentException("No JSON schema is known for " + type.getTypeName());
	}

	private static ObjectNode record(Class<?> type, Set<Class<?>> enclosing) {
		if (!enclosing.add(type)) {
			throw new IllegalArgumentException("A record that contains itself has no finite schema: " + type);
		}
		ObjectNode schema = typed("object").put("title", type.getSimpleName());
		ObjectNode properties = schema.putObject("properties");
		ArrayNode required = NODES.arrayNode();
		for (RecordComponent component : type.getRecordComponents()) {
			ObjectNode property = schema(component.getGenericType(), enclosing);
			if (nullable(component)) {
				orNull(property);
			}
			else {
				required.add(component.getName());
			}
			properties.set(component.getName(), property);
		}
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		enclosing.remove(type);
		return schema;
	}

	/**
	 * JSpecify's {@code @Nullable} annotates the type of the component; an annotation of
	 * that name on the component itself counts as well.
	 */
	private static boolean nullable(RecordComponent component) {
		return !component.getType().isPrimitive() && Stream
			.concat(Arrays.stream(component.getAnnotatedType().getAnnotations()),
					Arrays.stream(component.getAnnotations()))
			.anyMatch(annotation -> annotation.annotationType().getSimpleName().equals("Nullable"));
	}

	/** The accessor whose value Jackson writes instead of the object, if any. */
	private static @Nullable Method jsonValue(Class<?> type) {
		if (type.isPrimitive() || type.getName().startsWith("java.")) {
			return null;
		}
		for (Method method : type.getMethods()) {
			if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
				return method;
			}
		}
		return null;
	}

	private static ObjectNode typed(String type) {
		return NODES.objectNode().put("type", type);
	}

	private static Class<?> raw(Type type) {
		if (type instanceof Class<?> plain) {
			return plain;
		}
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		if (type instanceof WildcardType wildcard) {
			return raw(wildcard.getUpperBounds()[0]);
		}
		throw new IllegalArgumentException("No JSON schema is known for " + type.getTypeName());
	}

	private static Type argument(Type type, int index) {
		if (type instanceof ParameterizedType parameterized) {
			return parameterized.getActualTypeArguments()[index];
		}
		throw new IllegalArgumentException("A raw " + type.getTypeName() + " has no element type to describe");
	}

}

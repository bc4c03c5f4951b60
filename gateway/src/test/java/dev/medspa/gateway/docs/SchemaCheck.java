package dev.medspa.gateway.docs;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates JSON against the document's schemas with an independent validator, under
 * draft-07 (what the AsyncAPI Schema Object extends) and under 2020-12 (whose format
 * vocabulary knows {@code duration} and {@code uuid}), with formats asserted.
 */
final class SchemaCheck {

	private static final SchemaRegistryConfig FORMATS_ASSERTED = SchemaRegistryConfig.builder()
		.formatAssertionsEnabled(true)
		.build();

	private static final List<SchemaRegistry> REGISTRIES = List.of(
			SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
					registry -> registry.schemaRegistryConfig(FORMATS_ASSERTED)),
			SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
					registry -> registry.schemaRegistryConfig(FORMATS_ASSERTED)));

	private SchemaCheck() {
	}

	/** What is wrong with an instance, under either draft; empty when it is valid. */
	static List<String> errors(JsonNode schema, JsonNode instance) {
		List<String> errors = new ArrayList<>();
		for (SchemaRegistry registry : REGISTRIES) {
			for (Error error : registry.getSchema(schema).validate(instance)) {
				errors.add(error.toString());
			}
		}
		return errors;
	}

	/**
	 * A copy of a schema in which no object may have a property that the schema does not
	 * name: the published schemas leave objects open so that consumers of older versions
	 * read newer payloads, but an example must not hold a field the generator missed.
	 */
	static JsonNode closed(JsonNode schema) {
		JsonNode copy = schema.deepCopy();
		close(copy);
		return copy;
	}

	private static void close(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.has("properties") && !object.has("additionalProperties")) {
				object.put("additionalProperties", false);
			}
			object.values().forEach(SchemaCheck::close);
		}
		else if (node.isArray()) {
			node.values().forEach(SchemaCheck::close);
		}
	}

}

package dev.medspa.support.messaging;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import dev.medspa.events.EventContract;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * How event payloads are written and read. Readers ignore fields they do not know, so
 * that a producer may add a field in a new schema version without breaking an older
 * consumer; the type is chosen from the {@code ce_type} header, never from a Java class
 * name on the wire.
 */
public final class EventJson {

	/**
	 * Events are a few KB: the same read limits as request bodies
	 * ({@code medspa-defaults.properties}).
	 */
	private static final tools.jackson.core.StreamReadConstraints LIMITS = tools.jackson.core.StreamReadConstraints
		.builder()
		.maxNestingDepth(32)
		.maxNumberLength(64)
		.maxNameLength(256)
		.maxStringLength(64 * 1024)
		.maxDocumentLength(256 * 1024)
		.maxTokenCount(100_000)
		.build();

	public static final JsonMapper MAPPER = JsonMapper
		.builder(tools.jackson.core.json.JsonFactory.builder().streamReadConstraints(LIMITS).build())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private EventJson() {
	}

	public static String write(Object payload) {
		return MAPPER.writeValueAsString(payload);
	}

	/**
	 * The payload record for a record's {@code ce_type}; used by the Kafka deserializer.
	 */
	public static JavaType typeOf(byte[] data, Headers headers) {
		Header type = headers.lastHeader(EventHeaders.TYPE);
		if (type == null) {
			throw new IllegalArgumentException("Record has no " + EventHeaders.TYPE + " header");
		}
		String name = new String(type.value(), StandardCharsets.UTF_8);
		EventContract<?> contract = EventContracts.forType(name)
			.orElseThrow(() -> new IllegalArgumentException("Unknown event type " + name));
		return MAPPER.constructType(contract.payloadType());
	}

}

package dev.medspa.gateway.docs;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.medspa.events.EventContract;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventExamples;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.Topics;
import dev.medspa.support.messaging.EventJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The AsyncAPI 3.0 document of everything the platform publishes: a channel per Kafka
 * topic with a message per event contract, and the webhooks an owner's endpoints receive.
 * It is made once, at start, from {@link EventContracts#ALL}, the payload records
 * ({@link JsonSchemas}) and {@link EventExamples} written by the producers' own mapper,
 * so it describes what goes on the wire and cannot fall behind a contract.
 */
@Component
public class AsyncApiDocument {

	static final String WEBHOOKS = "webhooks";

	static final String KAFKA_SERVER = "kafka";

	static final String WEBHOOK_SERVER = "webhookReceiver";

	static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

	/**
	 * The secret the example webhook deliveries are signed with, in the form endpoints
	 * get theirs: {@code whsec_} and the key in base64. It signs nothing real.
	 */
	static final String EXAMPLE_SECRET = "whsec_bWVkc3BhLWRvY3MtZXhhbXBsZS1zZWNyZXQtMzItYnk=";

	private static final String KAFKA_BINDING_VERSION = "0.5.0";

	private static final String HTTP_BINDING_VERSION = "0.3.0";

	private static final String TOPIC_PREFIX_NOTE = "A deployment may put a prefix in front of every topic name "
			+ "(`medspa.kafka.topic-prefix`): with the prefix `eu1.`, `" + Topics.BOOKING_EVENTS + "` is `eu1."
			+ Topics.BOOKING_EVENTS + "`.";

	/** Who publishes each topic, and how it is kept. */
	private static final Map<String, Topic> TOPICS = Map.of(Topics.TREATMENTS,
			new Topic("catalog-service", true, "The full state of every treatment"), Topics.LOCATIONS,
			new Topic("catalog-service", true, "The full state of every location"), Topics.PRACTITIONERS,
			new Topic("catalog-service", true, "The full state of every practitioner"), Topics.BOOKING_EVENTS,
			new Topic("booking-service", false,
					"The life events of bookings, keyed by booking id so that the events of one booking stay in order"),
			Topics.WAITLIST_EVENTS,
			new Topic("booking-service", false,
					"The life events of places on waitlists, keyed by the place's id so that one waiter's events stay in order"),
			Topics.INTAKE_EVENTS,
			new Topic("intake-service", false,
					"Where each booking's intake and consent forms stand (due, complete, needing a practitioner's review, "
							+ "cleared or declined), keyed by booking id so that one booking's changes stay in order; "
							+ "statuses and ids only, never a question or an answer. Not delivered to webhooks"),
			Topics.PACKAGE_EVENTS,
			new Topic("booking-service", false,
					"Prepaid packages paid for, keyed by package id: one record per package, never for a declined "
							+ "card or a purchase given back; the provider's reference of the charge, never card data. "
							+ "Not delivered to webhooks"));

	/** The time of an example event that has no time of its own (catalog state). */
	private static final Instant EXAMPLE_TIME = Instant.parse("2026-11-30T16:00:00Z");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final ObjectNode document;

	private final String json;

	public AsyncApiDocument() {
		this.document = build();
		this.json = EventJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this.document);
	}

	/** The document as JSON, as served. */
	public String json() {
		return this.json;
	}

	/** A copy of the document's tree. */
	ObjectNode tree() {
		return this.document.deepCopy();
	}

	/** Whether events of a type are delivered to webhooks. */
	private static boolean deliveredToWebhooks(EventContract<?> contract) {
		return EventContracts.FOR_WEBHOOKS.contains(contract);
	}

	private static ObjectNode build() {
		ObjectNode root = NODES.objectNode();
		root.put("asyncapi", "3.0.0");
		root.put("id", "urn:dev.medspa:platform-events");
		root.set("info", info());
		root.put("defaultContentType", EventHeaders.JSON);
		root.set("servers", servers());
		ObjectNode channels = root.putObject("channels");
		ObjectNode operations = root.putObject("operations");
		ObjectNode messages = root.putObject("components").putObject("messages");
		Map<String, List<EventContract<?>>> byTopic = new LinkedHashMap<>();
		EventContracts.ALL
			.forEach(contract -> byTopic.computeIfAbsent(contract.topic(), t -> new ArrayList<>()).add(contract));
		byTopic.forEach((topic, contracts) -> addTopic(topic, contracts, channels, operations, messages));
		addWebhooks(channels, operations, messages);
		return root;
	}

	/** A topic's channel, the operation of its publisher and a message per contract. */
	private static void addTopic(String topicName, List<EventContract<?>> contracts, ObjectNode channels,
			ObjectNode operations, ObjectNode messages) {
		Topic topic = TOPICS.get(topicName);
		if (topic == null) {
			throw new IllegalStateException("Say who publishes " + topicName + " in " + AsyncApiDocument.class);
		}
		String channelId = camel(topicName);
		ObjectNode channel = channels.putObject(channelId);
		channel.put("address", topicName);
		channel.put("title", topicName);
		channel.put("description", topic.description() + (topic.compacted()
				? ", keyed by its id: each record is the whole current state, and the topic is compacted, so a consumer that starts empty rebuilds its copy by reading from the beginning. "
				: ". ") + TOPIC_PREFIX_NOTE);
		ObjectNode channelMessages = channel.putObject("messages");
		channel.putArray("servers").add(ref("#/servers/" + KAFKA_SERVER));
		ObjectNode binding = channel.putObject("bindings").putObject("kafka");
		if (topic.compacted()) {
			binding.putObject("topicConfiguration").putArray("cleanup.policy").add("compact");
		}
		binding.put("bindingVersion", KAFKA_BINDING_VERSION);
		ObjectNode operation = operations.putObject("send" + capitalized(channelId));
		operation.put("action", "send");
		operation.set("channel", ref("#/channels/" + channelId));
		operation.put("title", topic.publisher() + " publishes " + topicName);
		operation.put("description",
				topic.publisher()
						+ " publishes each event from an outbox stored with the change that made it: at least once, "
						+ "so a consumer may see an event twice and recognises it by `ce_id`.");
		ArrayNode sent = operation.putArray("messages");
		for (EventContract<?> contract : contracts) {
			String messageId = messageId(contract);
			channelMessages.set(messageId, ref("#/components/messages/" + messageId));
			sent.add(ref("#/channels/" + channelId + "/messages/" + messageId));
			messages.set(messageId, kafkaMessage(contract, topic));
		}
	}

	/** The webhooks channel: every booking and waitlist event, POSTed as a CloudEvent. */
	private static void addWebhooks(ObjectNode channels, ObjectNode operations, ObjectNode messages) {
		ObjectNode webhooks = channels.putObject(WEBHOOKS);
		webhooks.putNull("address");
		webhooks.put("title", "Webhooks");
		webhooks.put("description", "The URL of each endpoint an owner registers, known only at run time. "
				+ "Each booking and waitlist event of a type an endpoint asked for is POSTed to it as a CloudEvent "
				+ "in structured JSON mode, signed after the Standard Webhooks specification; catalog state is "
				+ "not delivered.");
		ObjectNode webhookMessages = webhooks.putObject("messages");
		webhooks.putArray("servers").add(ref("#/servers/" + WEBHOOK_SERVER));
		ObjectNode delivery = operations.putObject("deliverWebhooks");
		delivery.put("action", "send");
		delivery.set("channel", ref("#/channels/" + WEBHOOKS));
		delivery.put("title", "The platform POSTs an event to every registered endpoint");
		delivery.put("description", "A delivery may be attempted more than once (when an endpoint did not "
				+ "accept it); every attempt of one delivery carries the same `webhook-id`, so a receiver that has "
				+ "seen the id acknowledges the repeat and does nothing more.");
		delivery.putObject("bindings")
			.putObject("http")
			.put("method", "POST")
			.put("bindingVersion", HTTP_BINDING_VERSION);
		ArrayNode delivered = delivery.putArray("messages");
		EventContracts.ALL.stream().filter(AsyncApiDocument::deliveredToWebhooks).forEach(contract -> {
			String messageId = messageId(contract) + "Webhook";
			webhookMessages.set(messageId, ref("#/components/messages/" + messageId));
			delivered.add(ref("#/channels/" + WEBHOOKS + "/messages/" + messageId));
			messages.set(messageId, webhookMessage(contract));
		});
	}

	private static ObjectNode info() {
		ObjectNode info = NODES.objectNode();
		info.put("title", "Medspa booking platform: events and webhooks");
		// rises whenever a contract is added or its schema version is raised
		info.put("version", "1." + EventContracts.ALL.stream().mapToInt(EventContract::schemaVersion).sum() + ".0");
		info.put("description", String.join("\n\n",
				"What the platform publishes: catalog state, the life events of bookings and waitlist places and "
						+ "where each booking's intake forms stand on Kafka, and the same booking and waitlist events "
						+ "(not the intake statuses) as webhooks to the endpoints an owner registers. "
						+ "Made from the event contracts themselves when the gateway starts.",
				"On Kafka an event follows the CloudEvents Kafka binding in binary mode: the value is the event's "
						+ "data as JSON, its attributes travel as `ce_` headers, and the record key is the id of the "
						+ "entity or aggregate it is about (`ce_subject`). " + TOPIC_PREFIX_NOTE,
				"Payloads change compatibly: a new schema version adds fields, a reader ignores fields it does "
						+ "not know and reads every older version, and `ce_schemaversion` tells which version wrote a record. "
						+ "A field that may be null is written as null, and may be absent in records from older versions.",
				"Events carry ids, times and the contact a client gave for messages; never notes, intake answers "
						+ "or other health details, and never a link that opens a booking."));
		return info;
	}

	private static ObjectNode servers() {
		ObjectNode servers = NODES.objectNode();
		ObjectNode kafka = servers.putObject(KAFKA_SERVER);
		kafka.put("host", "{bootstrapServers}");
		kafka.put("protocol", "kafka");
		kafka.put("title", "Kafka");
		kafka.put("description", "The deployment's Kafka cluster. " + TOPIC_PREFIX_NOTE);
		kafka.putObject("variables")
			.putObject("bootstrapServers")
			.put("default", "127.0.0.1:9092")
			.put("description", "The bootstrap servers (each service's `KAFKA_BOOTSTRAP_SERVERS`)");
		ObjectNode receiver = servers.putObject(WEBHOOK_SERVER);
		receiver.put("host", "{host}");
		receiver.put("pathname", "{path}");
		receiver.put("protocol", "https");
		receiver.put("title", "A registered webhook endpoint");
		receiver.put("description", "The endpoint at the URL an owner registered; the platform is the client.");
		ObjectNode variables = receiver.putObject("variables");
		variables.putObject("host")
			.put("description", "Host (and port) of the registered URL")
			.putArray("examples")
			.add("hooks.clinic.example");
		variables.putObject("path")
			.put("default", "/")
			.put("description", "Path of the registered URL")
			.putArray("examples")
			.add("/medspa/events");
		return servers;
	}

	private static ObjectNode kafkaMessage(EventContract<?> contract, Topic topic) {
		ObjectNode message = describedMessage(contract, "");
		message.put("contentType", EventHeaders.JSON);
		String source = "/medspa/" + topic.publisher();
		message.set("headers", kafkaHeaders(contract, source));
		message.set("payload", payload(contract, Set.of()));
		ObjectNode binding = message.putObject("bindings").putObject("kafka");
		binding.set("key", string("The id of the entity or aggregate the event is about; equal to `ce_subject`"));
		binding.put("bindingVersion", KAFKA_BINDING_VERSION);
		Object example = EventExamples.of(contract);
		ObjectNode headers = NODES.objectNode();
		headers.put(EventHeaders.ID, exampleId(contract, "kafka"));
		headers.put(EventHeaders.TYPE, contract.type());
		headers.put(EventHeaders.SOURCE, source);
		headers.put(EventHeaders.TIME, timeOf(example).toString());
		headers.put(EventHeaders.SPEC_VERSION, EventHeaders.CLOUDEVENTS_SPEC_VERSION);
		headers.put(EventHeaders.SUBJECT, subjectOf(example));
		headers.put(EventHeaders.SCHEMA_VERSION, String.valueOf(contract.schemaVersion()));
		headers.put(EventHeaders.CONTENT_TYPE, EventHeaders.JSON);
		ObjectNode exampleNode = message.putArray("examples").addObject();
		exampleNode.put("name", messageId(contract) + "Example");
		exampleNode.put("summary",
				"A record as " + topic.publisher() + " publishes it; key `" + subjectOf(example) + "`");
		exampleNode.set("headers", headers);
		exampleNode.set("payload", EventJson.MAPPER.valueToTree(example));
		return message;
	}

	private static ObjectNode kafkaHeaders(EventContract<?> contract, String source) {
		ObjectNode headers = objectSchema("Kafka record headers");
		ObjectNode properties = headers.putObject("properties");
		properties.set(EventHeaders.ID,
				string("The event's unique id: a consumer that sees an id again has seen the event before")
					.put("format", "uuid"));
		properties.set(EventHeaders.TYPE, fixed(contract.type(), "The CloudEvents type"));
		properties.set(EventHeaders.SOURCE, fixed(source, "The service that published the event"));
		properties.set(EventHeaders.TIME, string("When the change happened, in UTC").put("format", "date-time"));
		properties.set(EventHeaders.SPEC_VERSION,
				fixed(EventHeaders.CLOUDEVENTS_SPEC_VERSION, "The CloudEvents specification version"));
		properties.set(EventHeaders.SUBJECT,
				string("The id of the entity or aggregate the event is about; equal to the record key"));
		properties.set(EventHeaders.SCHEMA_VERSION, fixed(String.valueOf(contract.schemaVersion()),
				"Extension attribute: the version of the payload's schema"));
		properties.set(EventHeaders.CONTENT_TYPE, fixed(EventHeaders.JSON, "The payload's media type"));
		properties.set("traceparent",
				string("W3C trace context of the change that made the event, when it was traced"));
		headers.set("required",
				strings(EventHeaders.ID, EventHeaders.TYPE, EventHeaders.SOURCE, EventHeaders.TIME,
						EventHeaders.SPEC_VERSION, EventHeaders.SUBJECT, EventHeaders.SCHEMA_VERSION,
						EventHeaders.CONTENT_TYPE));
		return headers;
	}

	private static ObjectNode webhookMessage(EventContract<?> contract) {
		ObjectNode message = describedMessage(contract, "Webhook");
		message.put("contentType", CLOUDEVENTS_JSON);
		Set<String> withheld = EventContracts.NEVER_SENT_OUT;
		if (!withheld.isEmpty()) {
			message.put("description", "Never carries " + String.join(", ", withheld.stream().sorted().toList())
					+ ", which the Kafka event may still hold.");
		}
		message.set("headers", webhookHeaders());
		ObjectNode envelope = objectSchema("CloudEvent");
		ObjectNode properties = envelope.putObject("properties");
		properties.set("specversion", fixed(EventHeaders.CLOUDEVENTS_SPEC_VERSION, "The CloudEvents version"));
		properties.set("id", string("The event's unique id, its `ce_id` on Kafka"));
		properties.set("source", string("The service the event comes from").put("format", "uri-reference"));
		properties.set("type", fixed(contract.type(), "The CloudEvents type"));
		properties.set("subject", string("The id of the booking or waitlist place the event is about"));
		properties.set("time", string("When the change happened, in UTC").put("format", "date-time"));
		properties.set("datacontenttype", fixed(EventHeaders.JSON, "The media type of `data`"));
		properties.set("schemaversion",
				NODES.objectNode()
					.put("type", "integer")
					.put("description", "Extension attribute: the version of the schema of `data`")
					.put("const", contract.schemaVersion()));
		properties.set("data", payload(contract, withheld));
		envelope.set("required",
				strings("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"));
		message.set("payload", envelope);
		Object example = EventExamples.of(contract);
		ObjectNode body = NODES.objectNode();
		body.put("specversion", EventHeaders.CLOUDEVENTS_SPEC_VERSION);
		body.put("id", exampleId(contract, "kafka"));
		body.put("source", "/medspa/" + TOPICS.get(contract.topic()).publisher());
		body.put("type", contract.type());
		body.put("subject", subjectOf(example));
		body.put("time", timeOf(example).toString());
		body.put("datacontenttype", EventHeaders.JSON);
		body.put("schemaversion", contract.schemaVersion());
		ObjectNode data = EventJson.MAPPER.valueToTree(example);
		data.remove(withheld);
		body.set("data", data);
		String webhookId = "msg_" + exampleId(contract, "kafka");
		String timestamp = String.valueOf(timeOf(example).getEpochSecond() + 2);
		ObjectNode headers = NODES.objectNode();
		headers.put("webhook-id", webhookId);
		headers.put("webhook-timestamp", timestamp);
		headers.put("webhook-signature",
				"v1," + signature(webhookId + "." + timestamp + "." + EventJson.MAPPER.writeValueAsString(body)));
		headers.put("content-type", CLOUDEVENTS_JSON);
		ObjectNode exampleNode = message.putArray("examples").addObject();
		exampleNode.put("name", messageId(contract) + "WebhookExample");
		exampleNode.put("summary", "An attempt signed with the example secret `" + EXAMPLE_SECRET
				+ "` over the body as sent: the JSON below, written compactly");
		exampleNode.set("headers", headers);
		exampleNode.set("payload", body);
		return message;
	}

	private static ObjectNode webhookHeaders() {
		ObjectNode headers = objectSchema("Webhook request headers");
		ObjectNode properties = headers.putObject("properties");
		properties.set("webhook-id",
				string("The delivery's id: the same on every retry of one delivery, so a receiver can drop a repeat"));
		properties.set("webhook-timestamp",
				string("When this attempt was sent, in seconds since the Unix epoch; "
						+ "refuse a request whose timestamp is far from your clock, so an old one cannot be replayed")
					.put("pattern", "^[0-9]+$"));
		properties.set("webhook-signature",
				string("`v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the "
						+ "bytes of the endpoint's secret (the base64 after `whsec_`). While a secret is being replaced there is one signature per secret, separated by "
						+ "spaces: accept the request when any one of them matches")
					.put("pattern", "^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$"));
		properties.set("content-type", fixed(CLOUDEVENTS_JSON, "A CloudEvent in structured JSON mode"));
		headers.set("required", strings("webhook-id", "webhook-timestamp", "webhook-signature", "content-type"));
		return headers;
	}

	private static ObjectNode describedMessage(EventContract<?> contract, String suffix) {
		ObjectNode message = NODES.objectNode();
		message.put("name", contract.payloadType().getSimpleName() + suffix);
		message.put("title", words(contract.payloadType().getSimpleName()) + (suffix.isEmpty() ? "" : " (webhook)"));
		message.put("summary", "`" + contract.type() + "`, schema version " + contract.schemaVersion());
		return message;
	}

	private static ObjectNode payload(EventContract<?> contract, Set<String> withheld) {
		ObjectNode schema = JsonSchemas.of(contract.payloadType());
		schema.put("description", "The data of `" + contract.type() + "`, schema version " + contract.schemaVersion());
		((ObjectNode) schema.get("properties")).remove(withheld);
		if (schema.get("required") instanceof ArrayNode required) {
			required.removeIf(name -> withheld.contains(name.stringValue()));
		}
		return schema;
	}

	/**
	 * The id of what an example event is about: its booking, waitlist place or entity.
	 */
	private static String subjectOf(Object example) {
		for (String name : List.of("bookingId", "entryId", "packageId", "id")) {
			Object value = component(example, name);
			if (value != null) {
				return value.toString();
			}
		}
		throw new IllegalStateException("No subject in " + example.getClass());
	}

	/** When an example event happened: its last time stamp that ends in {@code At}. */
	private static Instant timeOf(Object example) {
		Instant time = EXAMPLE_TIME;
		for (RecordComponent component : example.getClass().getRecordComponents()) {
			if (component.getType() == Instant.class && component.getName().endsWith("At")) {
				time = (Instant) component(example, component.getName());
			}
		}
		return time;
	}

	private static @Nullable Object component(Object record, String name) {
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			if (component.getName().equals(name)) {
				try {
					return component.getAccessor().invoke(record);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return null;
	}

	private static String exampleId(EventContract<?> contract, String kind) {
		return UUID.nameUUIDFromBytes((kind + ":" + contract.type()).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String signature(String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			byte[] key = Base64.getDecoder().decode(EXAMPLE_SECRET.substring("whsec_".length()));
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String messageId(EventContract<?> contract) {
		String name = contract.payloadType().getSimpleName();
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	/** {@code booking.events.v1} as {@code bookingEventsV1}. */
	private static String camel(String topic) {
		StringBuilder id = new StringBuilder();
		for (String part : topic.split("[.\\-_]")) {
			id.append(id.length() == 0 ? part : capitalized(part));
		}
		return id.toString();
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	/** {@code BookingCheckedIn} as {@code Booking checked in}. */
	private static String words(String name) {
		String spaced = name.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
		return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	private static ObjectNode ref(String pointer) {
		return NODES.objectNode().put("$ref", pointer);
	}

	private static ObjectNode objectSchema(String title) {
		return NODES.objectNode().put("type", "object").put("title", title);
	}

	private static ObjectNode string(String description) {
		return NODES.objectNode().put("type", "string").put("description", description);
	}

	private static ObjectNode fixed(String value, String description) {
		return string(description).put("const", value);
	}

	private static ArrayNode strings(String... values) {
		ArrayNode array = NODES.arrayNode();
		for (String value : values) {
			array.add(value);
		}
		return array;
	}

	private record Topic(String publisher, boolean compacted, String description) {
	}

}

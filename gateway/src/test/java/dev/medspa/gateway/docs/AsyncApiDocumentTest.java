package dev.medspa.gateway.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.medspa.events.EventContract;
import dev.medspa.events.EventContracts;
import dev.medspa.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document covers every contract, on Kafka and as webhooks, in the shape AsyncAPI 3.0
 * asks for: every reference points at something, and each operation sends messages of its
 * own channel.
 */
class AsyncApiDocumentTest {

	private final ObjectNode document = new AsyncApiDocument().tree();

	@Test
	void isAnAsyncApi3DocumentWithItsInfo() {
		assertThat(this.document.get("asyncapi").stringValue()).isEqualTo("3.0.0");
		assertThat(this.document.at("/info/title").stringValue()).isNotBlank();
		assertThat(this.document.at("/info/version").stringValue()).matches("1\\.\\d+\\.0");
		assertThat(this.document.at("/info/description").stringValue()).contains("prefix");
		assertThat(this.document.at("/servers/kafka/protocol").stringValue()).isEqualTo("kafka");
		assertThat(this.document.at("/servers/kafka/host").stringValue()).isEqualTo("{bootstrapServers}");
		assertThat(this.document.at("/servers/kafka/variables/bootstrapServers/default").isString()).isTrue();
	}

	@Test
	void everyContractIsAMessageOfItsTopicsChannel() {
		for (EventContract<?> contract : EventContracts.ALL) {
			JsonNode channel = channelOf(contract.topic());
			assertThat(channel).as(contract.topic()).isNotNull();
			assertThat(typesOf(channel)).as(contract.topic()).contains(contract.type());
			JsonNode message = messageOf(channel, contract.type());
			assertThat(message.at("/headers/properties/ce_schemaversion/const").stringValue())
				.isEqualTo(String.valueOf(contract.schemaVersion()));
			assertThat(message.at("/contentType").stringValue()).isEqualTo("application/json");
			assertThat(message.at("/payload/title").stringValue()).isEqualTo(contract.payloadType().getSimpleName());
			assertThat(message.at("/bindings/kafka/key/type").stringValue()).isEqualTo("string");
			assertThat(message.at("/headers/required").values()).extracting(JsonNode::stringValue)
				.contains("ce_id", "ce_type", "ce_source", "ce_time", "ce_specversion", "ce_subject",
						"ce_schemaversion", "content-type");
			JsonNode example = message.at("/examples/0/payload");
			assertThat(Stream.of("bookingId", "entryId", "packageId", "id")
				.map(name -> example.path(name).stringValue(null)))
				.contains(message.at("/examples/0/headers/ce_subject").stringValue());
		}
	}

	@Test
	void theBookingAndWaitlistTypesAreWebhookMessagesAndCatalogStateIsNot() {
		JsonNode webhooks = this.document.at("/channels/" + AsyncApiDocument.WEBHOOKS);
		Set<String> expected = EventContracts.ALL.stream()
			.filter(contract -> contract.topic().equals(Topics.BOOKING_EVENTS)
					|| contract.topic().equals(Topics.WAITLIST_EVENTS))
			.map(EventContract::type)
			.collect(Collectors.toSet());
		assertThat(expected).hasSize(11);
		assertThat(typesOf(webhooks)).containsExactlyInAnyOrderElementsOf(expected)
			.noneMatch(type -> type.startsWith("dev.medspa.catalog."))
			.noneMatch(type -> type.startsWith("dev.medspa.intake."));
		assertThat(webhooks.get("address").isNull()).isTrue();
		for (String type : expected) {
			JsonNode message = messageOf(webhooks, type);
			assertThat(message.get("contentType").stringValue()).isEqualTo("application/cloudevents+json");
			assertThat(message.at("/payload/required").values()).extracting(JsonNode::stringValue)
				.contains("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data");
			assertThat(message.at("/headers/required").values()).extracting(JsonNode::stringValue)
				.containsExactlyInAnyOrder("webhook-id", "webhook-timestamp", "webhook-signature", "content-type");
		}
		assertThat(this.document.at("/operations/deliverWebhooks/bindings/http/method").stringValue())
			.isEqualTo("POST");
	}

	@Test
	void aWebhookNeverCarriesTheManageToken() {
		String confirmed = EventContracts.BOOKING_CONFIRMED.type();
		JsonNode kafka = messageOf(channelOf(Topics.BOOKING_EVENTS), confirmed);
		JsonNode webhook = messageOf(this.document.at("/channels/" + AsyncApiDocument.WEBHOOKS), confirmed);
		assertThat(kafka.at("/payload/properties").has("manageToken")).isTrue();
		assertThat(webhook.at("/payload/properties/data/properties").has("manageToken")).isFalse();
		assertThat(webhook.at("/payload/properties/data/properties").has("bookingId")).isTrue();
		assertThat(webhook.at("/examples/0/payload/data").has("manageToken")).isFalse();
	}

	@Test
	void theIntakeStatusIsAKafkaMessageOfItsOwnTopicWithStatusesAndIdsOnly() {
		EventContract<?> intake = EventContracts.INTAKE_STATUS_CHANGED;
		JsonNode channel = channelOf(Topics.INTAKE_EVENTS);
		assertThat(channel).isNotNull();
		assertThat(typesOf(channel)).containsExactly(intake.type());
		assertThat(channel.get("description").stringValue()).contains("never a question or an answer")
			.contains("Not delivered to webhooks");
		JsonNode message = messageOf(channel, intake.type());
		assertThat(message.at("/payload/properties").propertyNames()).containsExactlyInAnyOrder("bookingId",
				"locationId", "intakeVersion", "status", "formsDue", "declineReason", "changedAt");
		assertThat(message.at("/payload/required").values()).extracting(JsonNode::stringValue)
			.doesNotContain("declineReason")
			.contains("bookingId", "status");
		assertThat(message.at("/payload/properties/declineReason/type").values()).extracting(JsonNode::stringValue)
			.contains("null");
		assertThat(message.at("/examples/0/headers/ce_subject").stringValue())
			.isEqualTo(message.at("/examples/0/payload/bookingId").stringValue());
		assertThat(message.at("/examples/0/payload/status").stringValue()).isEqualTo("NEEDS_REVIEW");
		assertThat(operationOf(Topics.INTAKE_EVENTS).get("title").stringValue()).startsWith("intake-service");
	}

	@Test
	void aPackagePurchaseIsAKafkaMessageOfItsOwnTopicKeyedByThePackageAndNoWebhook() {
		EventContract<?> purchased = EventContracts.PACKAGE_PURCHASED;
		JsonNode channel = channelOf(Topics.PACKAGE_EVENTS);
		assertThat(channel).isNotNull();
		assertThat(typesOf(channel)).containsExactly(purchased.type());
		assertThat(channel.get("description").stringValue()).contains("never card data")
			.contains("Not delivered to webhooks");
		JsonNode message = messageOf(channel, purchased.type());
		assertThat(message.at("/examples/0/headers/ce_subject").stringValue())
			.isEqualTo(message.at("/examples/0/payload/packageId").stringValue());
		assertThat(message.at("/payload/properties/client/properties").propertyNames())
			.containsExactlyInAnyOrder("name", "email", "phone");
		assertThat(operationOf(Topics.PACKAGE_EVENTS).get("title").stringValue()).startsWith("booking-service");
		assertThat(typesOf(this.document.at("/channels/" + AsyncApiDocument.WEBHOOKS)))
			.doesNotContain(purchased.type());
	}

	@Test
	void aClinicCancellationsReasonCodeIsInSchemaVersion2OnKafkaAndInWebhooks() {
		String cancelled = EventContracts.BOOKING_CANCELLED.type();
		JsonNode kafka = messageOf(channelOf(Topics.BOOKING_EVENTS), cancelled);
		JsonNode webhook = messageOf(this.document.at("/channels/" + AsyncApiDocument.WEBHOOKS), cancelled);
		assertThat(kafka.at("/headers/properties/ce_schemaversion/const").stringValue()).isEqualTo("2");
		assertThat(kafka.at("/payload/properties/clinicReason/type").values()).extracting(JsonNode::stringValue)
			.containsExactlyInAnyOrder("string", "null");
		assertThat(kafka.at("/payload/required").values()).extracting(JsonNode::stringValue)
			.doesNotContain("clinicReason");
		assertThat(webhook.at("/payload/properties/data/properties").has("clinicReason")).isTrue();
		assertThat(webhook.at("/examples/0/payload/schemaversion").asInt()).isEqualTo(2);
	}

	@Test
	void eachServiceSendsTheTopicsItPublishes() {
		for (EventContract<?> contract : EventContracts.ALL) {
			String publisher = contract.topic().startsWith("catalog.") ? "catalog-service"
					: contract.topic().startsWith("intake.") ? "intake-service" : "booking-service";
			JsonNode operation = operationOf(contract.topic());
			assertThat(operation.get("action").stringValue()).isEqualTo("send");
			assertThat(operation.get("title").stringValue()).startsWith(publisher);
			assertThat(messageOf(channelOf(contract.topic()), contract.type()).at("/headers/properties/ce_source/const")
				.stringValue()).isEqualTo("/medspa/" + publisher);
		}
	}

	@Test
	void everyOperationSendsMessagesOfItsOwnChannel() {
		this.document.get("operations").forEachEntry((id, operation) -> {
			String channelRef = operation.at("/channel/$ref").stringValue();
			assertThat(resolve(channelRef)).as(id).isNotNull();
			assertThat(operation.get("messages").values()).as(id).isNotEmpty().allSatisfy(message -> {
				String ref = message.get("$ref").stringValue();
				assertThat(ref).startsWith(channelRef + "/messages/");
				assertThat(resolve(ref)).as(ref).isNotNull();
			});
		});
	}

	@Test
	void everyChannelsMessagesAreComponentsAndEveryReferenceResolves() {
		this.document.get("channels").forEachEntry((id, channel) -> {
			assertThat(channel.get("messages").values()).as(id).isNotEmpty().allSatisfy(message -> {
				String ref = message.get("$ref").stringValue();
				assertThat(ref).startsWith("#/components/messages/");
				assertThat(resolve(ref).get("payload")).as(ref).isNotNull();
			});
		});
		List<String> refs = new ArrayList<>();
		collectRefs(this.document, refs);
		assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(resolve(ref)).as(ref).isNotNull());
	}

	private JsonNode channelOf(String topic) {
		return this.document.get("channels")
			.values()
			.stream()
			.filter(channel -> topic.equals(channel.path("address").stringValue(null)))
			.findFirst()
			.orElse(null);
	}

	private JsonNode operationOf(String topic) {
		return this.document.get("operations")
			.values()
			.stream()
			.filter(operation -> channelOf(topic) == resolve(operation.at("/channel/$ref").stringValue()))
			.findFirst()
			.orElseThrow();
	}

	private List<String> typesOf(JsonNode channel) {
		return channel.get("messages")
			.values()
			.stream()
			.map(ref -> type(resolve(ref.get("$ref").stringValue())))
			.toList();
	}

	private JsonNode messageOf(JsonNode channel, String type) {
		return channel.get("messages")
			.values()
			.stream()
			.map(ref -> resolve(ref.get("$ref").stringValue()))
			.filter(message -> type.equals(type(message)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No message of type " + type));
	}

	/** The type a message carries: in its ce_type header or its CloudEvent body. */
	private static String type(JsonNode message) {
		JsonNode header = message.at("/headers/properties/ce_type/const");
		return header.isMissingNode() ? message.at("/payload/properties/type/const").stringValue()
				: header.stringValue();
	}

	private JsonNode resolve(String ref) {
		assertThat(ref).startsWith("#/");
		JsonNode target = this.document.at(ref.substring(1));
		return target.isMissingNode() ? null : target;
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject() && node.has("$ref")) {
			refs.add(node.get("$ref").stringValue());
		}
		node.values().forEach(child -> collectRefs(child, refs));
	}

}

package dev.medspa.gateway.docs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import dev.medspa.support.messaging.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message's example, written by the producers' mapper, is valid against the
 * message's own schemas, and holds no field the schema does not name; and the schemas do
 * refuse what the producers never write.
 */
class AsyncApiExamplesTest {

	private static final ObjectNode DOCUMENT = new AsyncApiDocument().tree();

	static Stream<String> messages() {
		return DOCUMENT.get("components").get("messages").propertyNames().stream();
	}

	@ParameterizedTest
	@MethodSource("messages")
	void theExamplePayloadAndHeadersAreValid(String id) {
		JsonNode message = message(id);
		JsonNode example = message.get("examples").get(0);
		assertThat(SchemaCheck.errors(SchemaCheck.closed(message.get("payload")), example.get("payload"))).isEmpty();
		assertThat(SchemaCheck.errors(SchemaCheck.closed(message.get("headers")), example.get("headers"))).isEmpty();
	}

	@Test
	void aPayloadWithoutARequiredFieldIsRefused() {
		ObjectNode payload = examplePayload("bookingConfirmed");
		payload.remove("start");
		assertThat(SchemaCheck.errors(schema("bookingConfirmed"), payload)).isNotEmpty()
			.allSatisfy(error -> assertThat(error).contains("start"));
	}

	@Test
	void aFieldOfTheWrongTypeIsRefused() {
		ObjectNode payload = examplePayload("bookingConfirmed");
		payload.put("bookingVersion", "1");
		assertThat(SchemaCheck.errors(schema("bookingConfirmed"), payload)).isNotEmpty();
		ObjectNode wrongWeekday = examplePayload("waitlistJoined");
		wrongWeekday.withArray("weekdays").add("SOMEDAY");
		assertThat(SchemaCheck.errors(schema("waitlistJoined"), wrongWeekday)).isNotEmpty();
	}

	@Test
	void aTimeThatIsNoTimeIsRefused() {
		ObjectNode payload = examplePayload("bookingConfirmed");
		payload.put("start", "tomorrow at ten");
		assertThat(SchemaCheck.errors(schema("bookingConfirmed"), payload)).isNotEmpty();
		ObjectNode treatment = examplePayload("treatmentState");
		treatment.put("duration", "45 minutes");
		assertThat(SchemaCheck.errors(schema("treatmentState"), treatment)).isNotEmpty();
	}

	@Test
	void onlyNullableFieldsMayBeNullOrAbsent() {
		ObjectNode payload = examplePayload("bookingConfirmed");
		payload.putNull("practitionerId");
		payload.putNull("series");
		payload.remove("manageToken");
		payload.withObject("client").remove("phone");
		assertThat(SchemaCheck.errors(schema("bookingConfirmed"), payload)).isEmpty();
		payload.putNull("client");
		assertThat(SchemaCheck.errors(schema("bookingConfirmed"), payload)).isNotEmpty();
	}

	@Test
	void anExampleWithAFieldTheSchemaDoesNotNameFailsTheClosedCheck() {
		ObjectNode payload = examplePayload("bookingCancelled");
		payload.put("reason", "Client is travelling");
		assertThat(SchemaCheck.errors(schema("bookingCancelled"), payload)).isEmpty();
		assertThat(SchemaCheck.errors(SchemaCheck.closed(schema("bookingCancelled")), payload)).isNotEmpty();
	}

	@Test
	void headersOfAnotherTypeAreRefused() {
		ObjectNode headers = (ObjectNode) message("bookingCancelled").get("examples").get(0).get("headers").deepCopy();
		headers.put("ce_type", "dev.medspa.booking.confirmed");
		assertThat(SchemaCheck.errors(message("bookingCancelled").get("headers"), headers)).isNotEmpty();
		ObjectNode webhook = (ObjectNode) message("bookingCancelledWebhook").get("examples")
			.get(0)
			.get("headers")
			.deepCopy();
		webhook.put("webhook-signature", "sha256=abc");
		assertThat(SchemaCheck.errors(message("bookingCancelledWebhook").get("headers"), webhook)).isNotEmpty();
	}

	@Test
	void theWebhookExamplesAreSignedOverTheirBody() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		String secret = AsyncApiDocument.EXAMPLE_SECRET.substring("whsec_".length());
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
		messages().filter(id -> id.endsWith("Webhook")).forEach(id -> {
			JsonNode example = message(id).get("examples").get(0);
			JsonNode headers = example.get("headers");
			String signed = headers.get("webhook-id").stringValue() + "."
					+ headers.get("webhook-timestamp").stringValue() + "."
					+ EventJson.MAPPER.writeValueAsString(example.get("payload"));
			String expected = "v1,"
					+ Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
			assertThat(headers.get("webhook-signature").stringValue()).as(id).isEqualTo(expected);
		});
	}

	private static JsonNode message(String id) {
		JsonNode message = DOCUMENT.get("components").get("messages").get(id);
		assertThat(message).as(id).isNotNull();
		return message;
	}

	private static JsonNode schema(String id) {
		return message(id).get("payload");
	}

	private static ObjectNode examplePayload(String id) {
		return (ObjectNode) message(id).get("examples").get(0).get("payload").deepCopy();
	}

}

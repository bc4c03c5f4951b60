package dev.medspa.gateway.docs;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.medspa.events.EventContracts;
import dev.medspa.support.messaging.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Schemas read from records match what the producers' mapper writes, for every kind of
 * component the generator knows; a kind it does not know is refused.
 */
class JsonSchemasTest {

	record Code(@JsonValue String value) {
	}

	record Step(String key, Duration offset) {
	}

	record Sample(String text, int small, long big, boolean flag, @Nullable Integer maybe, BigDecimal price, Instant at,
			LocalDate day, LocalTime opens, Duration lasts, Period every, ZoneId zone, UUID uid, DayOfWeek weekday,
			@Nullable DayOfWeek otherDay, List<Code> codes, Set<String> tags, Map<String, Step> byKey, Step step,
			@Nullable Step maybeStep) {
	}

	record WithLocalDateTime(LocalDateTime at) {
	}

	record Chain(String name, @Nullable Chain next) {
	}

	private final ObjectNode schema = JsonSchemas.of(Sample.class);

	@Test
	void componentsAreDescribedAsTheyAreWritten() {
		assertThat(type("text")).isEqualTo("string");
		assertThat(property("small").get("format").stringValue()).isEqualTo("int32");
		assertThat(property("big").get("format").stringValue()).isEqualTo("int64");
		assertThat(type("flag")).isEqualTo("boolean");
		assertThat(type("price")).isEqualTo("number");
		assertThat(property("at").get("format").stringValue()).isEqualTo("date-time");
		assertThat(property("day").get("format").stringValue()).isEqualTo("date");
		assertThat(property("lasts").get("format").stringValue()).isEqualTo("duration");
		assertThat(property("every").get("format").stringValue()).isEqualTo("duration");
		assertThat(property("uid").get("format").stringValue()).isEqualTo("uuid");
		assertThat(property("weekday").get("enum").values()).hasSize(7);
		assertThat(property("codes").at("/items/type").stringValue()).isEqualTo("string");
		assertThat(property("tags").get("uniqueItems").booleanValue()).isTrue();
		assertThat(property("byKey").at("/additionalProperties/properties/offset/format").stringValue())
			.isEqualTo("duration");
		assertThat(property("step").at("/title").stringValue()).isEqualTo("Step");
	}

	@Test
	void nullableComponentsAreOptionalAndMayBeNullTheOthersAreRequired() {
		assertThat(this.schema.get("required").values()).extracting(JsonNode::stringValue)
			.contains("text", "small", "codes", "step")
			.doesNotContain("maybe", "otherDay", "maybeStep");
		assertThat(property("maybe").get("type").values()).extracting(JsonNode::stringValue)
			.containsExactly("integer", "null");
		assertThat(property("otherDay").get("enum").values()).anyMatch(JsonNode::isNull);
		assertThat(property("maybeStep").get("type").values()).extracting(JsonNode::stringValue)
			.containsExactly("object", "null");
	}

	@Test
	void whatTheProducersWriteIsValidAndNothingMore() {
		Sample full = new Sample("a", 1, 1L << 40, true, 7, new BigDecimal("350.00"),
				Instant.parse("2027-01-12T17:00:00.123456789Z"), LocalDate.parse("2027-02-11"),
				LocalTime.of(9, 30, 15, 500_000_000), Duration.ofMinutes(90), Period.ofMonths(6),
				ZoneId.of("America/Phoenix"), UUID.randomUUID(), DayOfWeek.MONDAY, DayOfWeek.FRIDAY,
				List.of(new Code("x")), Set.of("t"), Map.of("k", new Step("k", Duration.ofDays(7))),
				new Step("s", Duration.ZERO), new Step("m", Duration.ofHours(24)));
		Sample sparse = new Sample("a", 1, 2, false, null, BigDecimal.ONE, Instant.parse("2027-01-12T17:00:00Z"),
				LocalDate.parse("2027-02-11"), LocalTime.of(9, 0), Duration.ZERO, Period.ofDays(28), ZoneId.of("UTC"),
				UUID.randomUUID(), DayOfWeek.SUNDAY, null, List.of(), Set.of(), Map.of(), new Step("s", Duration.ZERO),
				null);
		// the local time of an opening hour goes out with its seconds, which the time
		// format
		// could not take: it wants an offset
		assertThat(EventJson.MAPPER.writeValueAsString(LocalTime.of(9, 0))).isEqualTo("\"09:00:00\"");
		for (Sample sample : List.of(full, sparse)) {
			JsonNode written = EventJson.MAPPER.valueToTree(sample);
			assertThat(SchemaCheck.errors(SchemaCheck.closed(this.schema), written)).as(written.toString()).isEmpty();
		}
	}

	@Test
	void idWrappersAreStringsLikeTheirValue() {
		ObjectNode confirmed = JsonSchemas.of(EventContracts.BOOKING_CONFIRMED.payloadType());
		assertThat(confirmed.at("/properties/bookingId/type").stringValue()).isEqualTo("string");
		assertThat(confirmed.at("/properties/series/properties/sessions/items/type").stringValue()).isEqualTo("string");
		assertThat(confirmed.get("required").values()).extracting(JsonNode::stringValue)
			.doesNotContain("practitionerId", "manageToken", "series");
		assertThat(confirmed.at("/properties/client/required").values()).extracting(JsonNode::stringValue)
			.containsExactly("name", "email", "consentToSms");
	}

	@Test
	void aTypeWithoutAKnownJsonFormIsRefusedNotGuessed() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonSchemas.of(WithLocalDateTime.class))
			.withMessageContaining("LocalDateTime");
		assertThatIllegalArgumentException().isThrownBy(() -> JsonSchemas.of(Chain.class))
			.withMessageContaining("contains itself");
	}

	private JsonNode property(String name) {
		return this.schema.get("properties").get(name);
	}

	private String type(String name) {
		return property(name).get("type").stringValue();
	}

}

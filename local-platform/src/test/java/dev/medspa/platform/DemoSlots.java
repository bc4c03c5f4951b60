package dev.medspa.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Free consultation starts at the demo locations, for tests that book many at once: as
 * availability answers, an hour apart at each location, so no two ask for the same room
 * or practitioner.
 */
final class DemoSlots {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A free start at a location. */
	record Slot(String locationId, String start) {

		LocalDate day() {
			return OffsetDateTime.parse(this.start).toLocalDate();
		}

	}

	private DemoSlots() {
	}

	/** Up to {@code wanted} free starts, or none if availability does not answer yet. */
	static List<Slot> free(String bookingService, int wanted) throws Exception {
		List<Slot> starts = new ArrayList<>();
		Map<String, Instant> lastPicked = new HashMap<>();
		LocalDate from = LocalDate.now().plusDays(2);
		for (int week = 0; week < 12 && starts.size() < wanted; week++) {
			LocalDate first = from.plusWeeks(week);
			HttpResponse<String> response = HTTP.send(
					HttpRequest
						.newBuilder(URI.create(bookingService + "/api/availability?treatment=microneedling-consultation"
								+ "&location=any&from=" + first + "&to=" + first.plusDays(6)))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return List.of();
			}
			for (JsonNode location : JSON.readTree(response.body()).get("locations")) {
				String id = location.get("locationId").asString();
				for (JsonNode slot : location.get("slots")) {
					Instant start = OffsetDateTime.parse(slot.get("start").asString()).toInstant();
					Instant last = lastPicked.get(id);
					if (last == null || !start.isBefore(last.plus(Duration.ofHours(1)))) {
						lastPicked.put(id, start);
						starts.add(new Slot(id, slot.get("start").asString()));
					}
				}
			}
		}
		return starts.subList(0, Math.min(wanted, starts.size()));
	}

	/**
	 * {@code wanted} free starts, waiting for booking-service's copy of the catalog to
	 * fill after a start.
	 */
	static List<Slot> awaitFree(String bookingService, int wanted) {
		return org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(90))
			.pollInterval(java.time.Duration.ofSeconds(1))
			.until(() -> free(bookingService, wanted), found -> found.size() >= wanted);
	}

	static String request(Slot slot, String email) {
		return """
				{"treatmentId":"microneedling-consultation","locationId":"%s","start":"%s",
				 "client":{"name":"Test Client","email":"%s","phone":"+1 925 555 0199"}}
				""".formatted(slot.locationId(), slot.start(), email);
	}

}

package dev.medspa.benchmark;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chain made through the staff API as a manager would: locations open every day from
 * 08:00 to 20:00 with one treatment room per practitioner, practitioners who each work at
 * one location, and their weekly schedules. Every booking of the run is the demo
 * catalog's hydrating facial, which has no eligibility rules, so a client books it
 * without an e-mail code.
 */
final class Chain {

	static final String TREATMENT = "hydrating-facial";

	static final LocalTime OPENS = LocalTime.of(8, 0);

	static final LocalTime CLOSES = LocalTime.of(20, 0);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> ZONES = List.of("America/Los_Angeles", "America/Denver", "America/Chicago",
			"America/New_York", "America/Phoenix");

	private final List<Location> locations;

	private final Duration block;

	private Chain(List<Location> locations, Duration block) {
		this.locations = locations;
		this.block = block;
	}

	/**
	 * Creates the chain and waits until booking-service, which learns the catalog from
	 * Kafka, offers its times.
	 * @param staff a client with an owner's token
	 */
	static Chain create(Http staff, String site, int locationCount, int practitionersEach) {
		JsonNode treatment = JSON.readTree(
				staff.get(site + "/api/treatments/" + TREATMENT).expect(200, "The demo treatment " + TREATMENT).body());
		Duration block = duration(treatment, "preparation").plus(duration(treatment, "duration"))
			.plus(duration(treatment, "cleanup"));
		List<Location> locations = new ArrayList<>();
		for (int l = 1; l <= locationCount; l++) {
			String id = "bench-%02d".formatted(l);
			ZoneId zone = ZoneId.of(ZONES.get((l - 1) % ZONES.size()));
			staff.post(site + "/api/staff/locations", locationJson(id, zone, practitionersEach))
				.expect(201, "Creating location " + id);
			List<String> practitioners = new ArrayList<>();
			for (int p = 1; p <= practitionersEach; p++) {
				String body = """
						{"displayName": "Practitioner %d of %s", "role": "Aesthetician",
						 "qualifications": ["%s"], "locations": ["%s"]}""".formatted(p, id,
						treatment.path("qualification").asString(), id);
				JsonNode created = JSON.readTree(staff.post(site + "/api/staff/practitioners", body)
					.expect(201, "Creating a practitioner at " + id)
					.body());
				practitioners.add(created.path("id").asString());
			}
			locations.add(new Location(id, zone, practitioners));
		}
		Chain chain = new Chain(locations, block);
		chain.schedule(staff, site);
		chain.awaitBookable(staff, site);
		return chain;
	}

	List<Location> locations() {
		return this.locations;
	}

	/** The starts of one practitioner's day, back to back. */
	List<LocalTime> starts() {
		long count = Duration.between(OPENS, CLOSES).dividedBy(this.block);
		List<LocalTime> starts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			starts.add(OPENS.plus(this.block.multipliedBy(i)));
		}
		return starts;
	}

	/** How many bookings one day of the whole chain holds. */
	int bookingsPerDay() {
		return this.locations.stream().mapToInt(location -> location.practitioners().size()).sum() * starts().size();
	}

	/**
	 * Every practitioner works the location's opening hours every day; booking-service
	 * accepts the schedule once the practitioner has reached it from the catalog.
	 */
	private void schedule(Http staff, String site) {
		for (Location location : this.locations) {
			StringJoiner weekly = new StringJoiner(",", "{\"weekly\": [", "]}");
			for (DayOfWeek day : DayOfWeek.values()) {
				weekly.add("{\"locationId\": \"%s\", \"day\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}"
					.formatted(location.id(), day, OPENS, CLOSES));
			}
			for (String practitioner : location.practitioners()) {
				Waiting.until("booking-service knows practitioner " + practitioner, Duration.ofSeconds(90),
						() -> staff.put(site + "/api/staff/schedules/" + practitioner, "\"0\"", weekly.toString())
							.status() == 200);
			}
		}
	}

	private void awaitBookable(Http staff, String site) {
		Location last = this.locations.get(this.locations.size() - 1);
		LocalDate tomorrow = LocalDate.now(last.zone()).plusDays(1);
		String url = site + "/api/availability/days?treatment=" + TREATMENT + "&location=" + last.id() + "&from="
				+ tomorrow + "&to=" + tomorrow.plusDays(6);
		Waiting.until("booking-service offers times at " + last.id(), Duration.ofSeconds(90),
				() -> staff.get(url).body().contains(tomorrow.plusDays(1).toString()));
	}

	static String locationJson(String id, ZoneId zone, int rooms) {
		StringJoiner hours = new StringJoiner(",");
		for (DayOfWeek day : DayOfWeek.values()) {
			hours.add("{\"day\": \"%s\", \"opens\": \"%s\", \"closes\": \"%s\"}".formatted(day, OPENS, CLOSES));
		}
		StringJoiner roomList = new StringJoiner(",");
		for (int r = 1; r <= rooms; r++) {
			roomList.add("{\"id\": \"%s-room-%02d\", \"name\": \"Treatment room %d\", \"type\": \"treatment-room\"}"
				.formatted(id, r, r));
		}
		return """
				{"slug": "%s", "name": "Benchmark clinic %s", "phone": "+1 555 555 0100", "zoneId": "%s",
				 "address": {"street": "1 Main Street", "city": "Springfield", "region": "CA", "postalCode": "90000",
				             "country": "US"},
				 "openingHours": [%s], "rooms": [%s], "treatments": ["%s"]}""".formatted(id, id, zone.getId(), hours,
				roomList, TREATMENT);
	}

	private static Duration duration(JsonNode treatment, String field) {
		return Duration.parse(treatment.path(field).asString());
	}

	/**
	 * @param practitioners their ids, as the catalog made them
	 */
	record Location(String id, ZoneId zone, List<String> practitioners) {
	}

}

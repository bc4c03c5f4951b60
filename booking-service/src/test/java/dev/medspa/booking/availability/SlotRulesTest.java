package dev.medspa.booking.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogPractitioner;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.claim.Claim;
import dev.medspa.booking.claim.DaySheet;
import dev.medspa.booking.schedule.Schedule.Range;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slot rules, without Spring or a database: every case a client's calendar can meet.
 */
class SlotRulesTest {

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");

	/**
	 * 30 minutes of treatment after 15 of numbing, then 15 of clean-up: 60 minutes
	 * occupied.
	 */
	private static final CatalogTreatment MICRONEEDLING = new CatalogTreatment("microneedling", "Micro-needling",
			Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofMinutes(15), "treatment-room", "microneedling",
			true, 1, null, null, null, List.of(), 0, null, "USD");

	private static final CatalogPractitioner MAYA = new CatalogPractitioner("maya", "Maya", List.of("microneedling"),
			List.of("here"), true, 1);

	private static final BookingPolicy POLICY = new BookingPolicy(Duration.ofHours(2), Duration.ofDays(90),
			Duration.ofMinutes(15), Duration.ofDays(31), Duration.ofHours(24), Duration.ofMinutes(10), 400);

	@Test
	void theNightClocksSpringForwardHasNoSlotThatDoesNotExist() {
		// 8 March 2026, Los Angeles: 02:00 PST jumps to 03:00 PDT
		List<ZonedDateTime> starts = offered(LOS_ANGELES, LocalDate.of(2026, 3, 8), range("00:00", "05:00"), List.of());
		assertThat(starts).noneMatch(start -> start.getHour() == 2);
		assertThat(starts).extracting(ZonedDateTime::toLocalTime)
			.startsWith(LocalTime.of(0, 0), LocalTime.of(0, 15))
			.contains(LocalTime.of(1, 45), LocalTime.of(3, 0));
		// the last start ends by 05:00 local
		assertThat(starts.get(starts.size() - 1).toLocalTime()).isEqualTo(LocalTime.of(4, 0));
		assertThat(starts).doesNotHaveDuplicates();
	}

	@Test
	void theNightClocksFallBackOffersEachInstantOnce() {
		// 1 November 2026, Los Angeles: 01:00-01:59 happens twice, first PDT then PST
		List<ZonedDateTime> starts = offered(LOS_ANGELES, LocalDate.of(2026, 11, 1), range("00:00", "04:00"),
				List.of());
		assertThat(starts).extracting(ZonedDateTime::toInstant).doesNotHaveDuplicates();
		assertThat(starts).filteredOn(start -> start.toLocalTime().equals(LocalTime.of(1, 0)))
			.extracting(start -> start.getOffset().getTotalSeconds() / 3600)
			.containsExactly(-7, -8);
	}

	@Test
	void phoenixKeepsItsClockOnTheSameNight() {
		List<ZonedDateTime> starts = offered(PHOENIX, LocalDate.of(2026, 3, 8), range("00:00", "05:00"), List.of());
		assertThat(starts).hasSize(17);
		assertThat(starts).allMatch(start -> start.getOffset().getTotalSeconds() == -7 * 3600);
	}

	@Test
	void aBreakAndTheWholeIntervalWithCleanUpAreRespected() {
		List<ZonedDateTime> starts = offered(LOS_ANGELES, LocalDate.of(2026, 12, 1),
				List.of(new Range(LocalTime.of(9, 0), LocalTime.of(12, 0)),
						new Range(LocalTime.of(13, 0), LocalTime.of(15, 0))),
				List.of());
		assertThat(starts).extracting(ZonedDateTime::toLocalTime)
			.contains(LocalTime.of(11, 0), LocalTime.of(13, 0), LocalTime.of(14, 0))
			.doesNotContain(LocalTime.of(11, 15), LocalTime.of(12, 0), LocalTime.of(12, 30), LocalTime.of(14, 15));
	}

	@Test
	void aClaimBlocksEveryStartWhoseIntervalWouldOverlapIt() {
		LocalDate day = LocalDate.of(2026, 12, 1);
		Instant tenOClock = day.atTime(10, 0).atZone(LOS_ANGELES).toInstant();
		Claim taken = new Claim("b1", Claim.Kind.BOOKING, "maya", "room-1", tenOClock,
				tenOClock.plus(Duration.ofMinutes(60)), null);
		List<ZonedDateTime> starts = offered(LOS_ANGELES, day, range("09:00", "12:00"), List.of(taken));
		assertThat(starts).extracting(ZonedDateTime::toLocalTime)
			.contains(LocalTime.of(9, 0), LocalTime.of(11, 0))
			.doesNotContain(LocalTime.of(9, 15), LocalTime.of(9, 45), LocalTime.of(10, 0), LocalTime.of(10, 45));
	}

	@Test
	void anExpiredHoldNoLongerBlocks() {
		LocalDate day = LocalDate.of(2026, 12, 1);
		Instant tenOClock = day.atTime(10, 0).atZone(LOS_ANGELES).toInstant();
		Claim expired = new Claim("h1", Claim.Kind.HOLD, "maya", "room-1", tenOClock,
				tenOClock.plus(Duration.ofMinutes(60)), Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(offered(LOS_ANGELES, day, range("10:00", "11:00"), List.of(expired))).hasSize(1);
	}

	@Test
	void bookingsCloseBeforeTheMinimumNoticeAndOpenOnlyUpToTheHorizon() {
		LocalDate day = LocalDate.of(2026, 12, 1);
		Instant now = day.atTime(9, 30).atZone(LOS_ANGELES).toInstant();
		SlotRules rules = rules(LOS_ANGELES, day, range("09:00", "17:00"), List.of(), now);
		assertThat(rules.verdict(day.atTime(11, 15).atZone(LOS_ANGELES).toInstant()))
			.isEqualTo(SlotRules.Verdict.OUTSIDE_BOOKING_WINDOW);
		assertThat(rules.verdict(day.atTime(11, 30).atZone(LOS_ANGELES).toInstant())).isEqualTo(SlotRules.Verdict.FREE);
		assertThat(rules.verdict(now.plus(Duration.ofDays(91)))).isEqualTo(SlotRules.Verdict.OUTSIDE_BOOKING_WINDOW);
		assertThat(rules.verdict(day.atTime(16, 30).atZone(LOS_ANGELES).toInstant()))
			.isEqualTo(SlotRules.Verdict.NOT_WORKING);
	}

	private static List<ZonedDateTime> offered(ZoneId zone, LocalDate day, List<Range> ranges, List<Claim> claims) {
		Instant longBefore = day.minusDays(30).atStartOfDay(zone).toInstant();
		return rules(zone, day, ranges, claims, longBefore).offered()
			.stream()
			.map(slot -> slot.start().atZone(zone))
			.toList();
	}

	private static SlotRules rules(ZoneId zone, LocalDate day, List<Range> ranges, List<Claim> claims, Instant now) {
		CatalogLocation here = new CatalogLocation("here", "Here", zone.getId(),
				List.of(new CatalogLocation.Room("room-1", "treatment-room", true)), List.of("microneedling"), true, 1,
				List.of(), List.of());
		return new SlotRules(MICRONEEDLING, here, Map.of(MAYA, ranges), practitioner -> List.of(), List.of("room-1"),
				Map.of(), new DaySheet("here|" + day, "here", day, claims, 1), POLICY, Duration.ofMinutes(30), now);
	}

	private static List<Range> range(String from, String to) {
		return List.of(new Range(LocalTime.parse(from), LocalTime.parse(to)));
	}

}

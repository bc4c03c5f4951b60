package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;

import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The due index on the real store: what is found when, and what is tidied away. */
@SpringBootTest(properties = "medspa.notification.dispatch.interval=PT1H")
@LocalInfrastructure
class DueIndexTest {

	static final Instant NOW = Instant.parse("2031-03-04T10:15:30Z");

	@Autowired
	DueIndex index;

	@Test
	void somethingDueInThePastIsReadNowAndSomethingInTheFutureOnlyWhenItsTimeComes() {
		this.index.note("overdue", NOW.minus(Duration.ofHours(5)), 3, NOW);
		this.index.note("later", NOW.plus(Duration.ofDays(2)), 1, NOW);
		this.index.note("later", NOW.plus(Duration.ofDays(2)), 1, NOW);

		assertThat(this.index.upTo(NOW, 100)).extracting(DueIndex.Entry::bookingId)
			.contains("overdue")
			.doesNotContain("later");
		assertThat(this.index.upTo(NOW.plus(Duration.ofDays(2)), 100)).extracting(DueIndex.Entry::bookingId)
			.containsSubsequence("overdue", "later")
			.containsOnlyOnce("later");
		assertThat(entry(NOW, "overdue").revision()).isEqualTo(3);
	}

	@Test
	void aPassedMinuteStaysReadableForLateWritersAndGoesOnceEmptyAndOld() {
		Instant now = NOW.minus(Duration.ofDays(30));
		this.index.note("sent", now, 0, now);
		this.index.done(entry(now, "sent"));
		this.index.tidy(now.plus(Duration.ofSeconds(70)));
		long minute = dev.medspa.support.timeline.MinuteIndex.minuteOf(now);
		assertThat(this.index.keeps(minute)).isTrue();

		// a writer that noted "now" just before the minute turned is still read
		this.index.note("slow", now, 0, now);
		assertThat(this.index.upTo(now.plus(Duration.ofSeconds(70)), 100)).extracting(DueIndex.Entry::bookingId)
			.contains("slow")
			.doesNotContain("sent");
		this.index.done(entry(now.plus(Duration.ofSeconds(70)), "slow"));

		this.index.upTo(now, 100).stream().filter(other -> other.minute() == minute).forEach(this.index::done);
		this.index.tidy(now.plus(DueIndex.LATE_WRITES).plus(Duration.ofMinutes(2)));
		assertThat(this.index.keeps(minute)).isFalse();
	}

	private DueIndex.Entry entry(Instant now, String bookingId) {
		return this.index.upTo(now, 100)
			.stream()
			.filter(entry -> entry.bookingId().equals(bookingId))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void anEntryIsStaleOnceThePlanWasWrittenPastItAndKeptWhileItsWriteMayStillCome() {
		Instant due = NOW.plus(Duration.ofDays(60));
		DueIndex.Entry entry = new DueIndex.Entry("b", due, 4, dev.medspa.support.timeline.MinuteIndex.minuteOf(due));
		assertThat(entry.longPast(due.plus(Duration.ofSeconds(30)))).isFalse();
		assertThat(entry.longPast(due.plus(DueIndex.LATE_WRITES).plus(Duration.ofMinutes(1)))).isTrue();
	}

}

package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.medspa.support.timeline.MinuteIndex;
import dev.medspa.testsupport.LocalInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** The due index on the real store: what is found when, and what is tidied away. */
@SpringBootTest(properties = "medspa.notification.dispatch.interval=PT1H")
@LocalInfrastructure
class DueIndexTest {

	static final Instant NOW = Instant.parse("2031-03-04T10:15:30Z");

	@Autowired
	DueIndex index;

	@Autowired
	MongoTemplate mongo;

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

	@Test
	void aBusyMinuteIsSharedOutOverPagesAndEveryEntryIsFoundAndForgottenOnce() {
		Instant due = NOW.plus(Duration.ofDays(9));
		long minute = MinuteIndex.minuteOf(due);
		for (int i = 0; i < 100; i++) {
			this.index.note("busy-" + i, due, 1, NOW);
		}
		List<DueIndex.Entry> found = this.index.upTo(due, 1000)
			.stream()
			.filter(entry -> entry.minute() == minute)
			.toList();
		assertThat(found).extracting(DueIndex.Entry::bookingId).hasSize(100).doesNotHaveDuplicates();
		// no page holds more than a share of the minute
		assertThat(this.mongo.findById("minute:" + minute, Document.class, DueIndex.COLLECTION)
			.getList("entries", String.class)).hasSizeGreaterThan(8);
		found.forEach(this.index::done);
		assertThat(this.index.upTo(due, 1000)).noneMatch(entry -> entry.minute() == minute);
		this.index.tidy(due.plus(DueIndex.LATE_WRITES).plus(Duration.ofMinutes(2)));
		assertThat(this.index.keeps(minute)).isFalse();
	}

	@Test
	void entriesAMinuteKeptBeforePagesExistedAreStillFoundAndForgotten() {
		Instant due = NOW.plus(Duration.ofDays(11));
		long minute = MinuteIndex.minuteOf(due);
		long day = Math.floorDiv(minute, 1440);
		String key = "older|" + due.toEpochMilli() + "|2";
		this.mongo.upsert(Query.query(Criteria.where("_id").is("days")), new Update().addToSet("entries", "" + day),
				DueIndex.COLLECTION);
		this.mongo.upsert(Query.query(Criteria.where("_id").is("day:" + day)),
				new Update().addToSet("entries", "" + minute), DueIndex.COLLECTION);
		this.mongo.upsert(Query.query(Criteria.where("_id").is("minute:" + minute)),
				new Update().addToSet("entries", key), DueIndex.COLLECTION);

		DueIndex.Entry older = entry(due, "older");
		assertThat(older.revision()).isEqualTo(2);
		this.index.done(older);
		assertThat(this.index.upTo(due, 1000)).extracting(DueIndex.Entry::bookingId).doesNotContain("older");
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

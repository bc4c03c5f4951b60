package dev.medspa.booking.reservation;

import java.time.Duration;
import java.time.Instant;

import dev.medspa.booking.claim.Claim;
import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.support.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The booking guards its own life: each transition is allowed only from the states and at
 * the times the clinic allows, and yields the next version with its event.
 */
class BookingTest {

	private static final Instant START = Instant.parse("2027-03-01T17:00:00Z");

	private static final Instant END = START.plus(Duration.ofMinutes(60));

	private static final Duration CUTOFF = Duration.ofHours(24);

	private final Booking booking = Booking
		.confirm("b1", "facial", "walnut-creek", "America/Los_Angeles", START, END, claim("b1#1", START),
				Client.of("Ana Client", "Ana@Example.com", "+1 925 555 0199", true), "hash", null,
				START.minus(Duration.ofDays(3)), null)
		.booking();

	@Test
	void aNewBookingIsConfirmedAtVersionOneWithItsEvent() {
		Booking.Change confirmed = Booking.confirm("b2", "facial", "walnut-creek", "America/Los_Angeles", START, END,
				claim("b2#1", START), Client.of("Bo", "bo@example.com", "", false), "hash", null, START, null);
		assertThat(confirmed.before()).isNull();
		assertThat(confirmed.fromVersion()).isZero();
		assertThat(confirmed.booking().status()).isEqualTo(BookingStatus.CONFIRMED);
		assertThat(confirmed.booking().version()).isEqualTo(1);
		assertThat(confirmed.event()).isInstanceOfSatisfying(BookingConfirmed.class,
				event -> assertThat(event.bookingVersion()).isEqualTo(1));
	}

	@Test
	void aClientCancelsUntilTheCutoffAndStaffAtAnyTime() {
		Booking.Actor client = Booking.Actor.client(CUTOFF);
		Booking.Change cancelled = this.booking.cancel(client, null, START.minus(Duration.ofHours(25)));
		assertThat(cancelled.fromVersion()).isEqualTo(1);
		assertThat(cancelled.booking().status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(cancelled.booking().version()).isEqualTo(2);
		assertThat(cancelled.event()).isInstanceOfSatisfying(BookingCancelled.class, event -> {
			assertThat(event.byClient()).isTrue();
			assertThat(event.bookingVersion()).isEqualTo(2);
		});
		assertThatThrownBy(() -> this.booking.cancel(client, null, START.minus(Duration.ofHours(23))))
			.isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo("too-late"));
		assertThat(this.booking.cancel(Booking.Actor.staff(), "Called in sick", START.minus(Duration.ofHours(1)))
			.booking()
			.cancelReason()).isEqualTo("Called in sick");
	}

	@Test
	void aCancelledBookingCannotBeCancelledMovedOrCheckedIn() {
		Booking cancelled = this.booking.cancel(Booking.Actor.staff(), "Asked", START.minusSeconds(60)).booking();
		assertThatThrownBy(() -> cancelled.cancel(Booking.Actor.staff(), "Again", START.minusSeconds(30)))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> cancelled.checkMovable(Booking.Actor.staff(), START.minusSeconds(30)))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> cancelled.checkIn(START)).isInstanceOf(Refusal.class);
	}

	@Test
	void checkedInOnItsDayThenCompletedWhenItReallyEnded() {
		assertThatThrownBy(() -> this.booking.checkIn(START.minus(Duration.ofDays(1)))).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> this.booking.complete(null, END)).isInstanceOf(Refusal.class);
		Booking.Change checkedIn = this.booking.checkIn(START.minus(Duration.ofMinutes(10)));
		assertThat(checkedIn.event()).isInstanceOf(BookingCheckedIn.class);
		Booking arrived = checkedIn.booking();
		assertThatThrownBy(() -> arrived.markNoShow(END)).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> arrived.complete(START.minusSeconds(1), END)).isInstanceOf(Refusal.class);
		Instant ended = END.plus(Duration.ofMinutes(5));
		Booking.Change completed = arrived.complete(ended, ended.plusSeconds(600));
		assertThat(completed.booking().completedAt()).isEqualTo(ended);
		assertThat(completed.booking().version()).isEqualTo(3);
		assertThat(completed.event()).isInstanceOfSatisfying(BookingCompleted.class,
				event -> assertThat(event.completedAt()).isEqualTo(ended));
	}

	@Test
	void aNoShowIsRecordedOnlyAfterTheStart() {
		assertThatThrownBy(() -> this.booking.markNoShow(START.minusSeconds(1))).isInstanceOf(Refusal.class);
		assertThat(this.booking.markNoShow(START.plusSeconds(1)).event()).isInstanceOf(BookingNoShow.class);
	}

	@Test
	void aMoveTakesTheNextClaimAndKeepsTheBooking() {
		Instant later = START.plus(Duration.ofHours(2));
		assertThatThrownBy(() -> this.booking.moveTo(later, later.plus(Duration.ofMinutes(60)), claim("b1#1", later),
				Booking.Actor.staff(), START.minus(Duration.ofDays(1))))
			.isInstanceOf(IllegalArgumentException.class);
		Booking.Change moved = this.booking.moveTo(later, later.plus(Duration.ofMinutes(60)),
				claim(this.booking.nextClaimOwner(), later), Booking.Actor.staff(), START.minus(Duration.ofDays(1)));
		assertThat(moved.booking().start()).isEqualTo(later);
		assertThat(moved.booking().claimOwner()).isEqualTo("b1#2");
		assertThat(moved.event()).isInstanceOfSatisfying(BookingRescheduled.class,
				event -> assertThat(event.previousStart()).isEqualTo(START));
	}

	@Test
	void erasingTheClientTwiceChangesNothingTheSecondTime() {
		Booking.Change erased = this.booking.eraseClient(START).orElseThrow();
		assertThat(erased.booking().client().isErased()).isTrue();
		assertThat(erased.booking().client().email()).doesNotContain("Example");
		assertThat(erased.event()).isInstanceOf(BookingClientErased.class);
		assertThat(erased.booking().eraseClient(START)).isEmpty();
	}

	private static Claim claim(String owner, Instant start) {
		return new Claim(owner, Claim.Kind.BOOKING, "maya-chen", "room-1", start, start.plus(Duration.ofMinutes(75)),
				null);
	}

}

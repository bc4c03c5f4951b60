package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed.ClientContact;
import dev.medspa.events.waitlist.WaitlistJoined;
import dev.medspa.events.waitlist.WaitlistLeft;
import dev.medspa.events.waitlist.WaitlistOffered;
import dev.medspa.notification.catalog.LocationSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan of a place on a waitlist, with no Spring at all. */
class WaitlistPlanTest {

	static final Instant NOW = Instant.parse("2026-07-01T16:00:00Z");

	static final LocationSummary SCOTTSDALE = new LocationSummary("scottsdale", "Scottsdale",
			"7014 East Camelback Road", "+1 480 555 0112", "America/Phoenix", true, 1);

	static final ClientContact ANA = new ClientContact("Ana", "Ana@Example.com", "+1 480 555 0199", true);

	@Test
	void joiningPlansOneMailDueAtOnceForAnyLocation() {
		Plan plan = Plan.joinedWaitlist(new WaitlistJoined("e-1", 1, new TreatmentId("t"), null,
				LocalDate.of(2026, 7, 6), LocalDate.of(2026, 7, 31), List.of(), List.of(), ANA, NOW), null);

		assertThat(plan.bookingId()).isEqualTo("waitlist-e-1");
		assertThat(plan.status()).isEqualTo(BookingStatus.WAITING);
		assertThat(plan.locationId()).isNull();
		assertThat(plan.messages()).singleElement().satisfies(message -> {
			assertThat(message.id()).isEqualTo("waitlist-e-1:waitlist-joined:v1");
			assertThat(message.step().immediate()).isTrue();
			assertThat(message.dueAt()).isEqualTo(NOW);
		});
		assertThat(plan.nextDueAt()).isEqualTo(NOW);
	}

	@Test
	void anOfferIsPlannedOnceByMailAndTextWhateverVersionBringsItAgain() {
		Plan plan = Plan.offeredWaitlist(offer("o-1", 2, NOW.plus(Duration.ofHours(2))), SCOTTSDALE);
		assertThat(plan.messages()).extracting(PlannedMessage::id)
			.containsExactly("waitlist-e-1:offer-o-1:v2", "waitlist-e-1:sms-offer-o-1:v2");
		assertThat(plan.locationOf(plan.messages().get(0))).isEqualTo("scottsdale");

		Plan again = plan.offered(offer("o-1", 3, NOW.plus(Duration.ofHours(2))), SCOTTSDALE);
		assertThat(again.messages()).hasSize(2);

		Plan next = again.offered(offer("o-2", 4, NOW.plus(Duration.ofHours(3))), SCOTTSDALE);
		assertThat(next.messages()).hasSize(4);
		assertThat(next.messages()).allSatisfy(message -> assertThat(next.staleReason(message)).isNull());
	}

	@Test
	void anOfferIsTooLateOnceItsHoldLetGo() {
		Instant expiresAt = NOW.plus(Duration.ofHours(2));
		Plan plan = Plan.offeredWaitlist(offer("o-1", 2, expiresAt), SCOTTSDALE);
		PlannedMessage offer = plan.messages().get(0);

		assertThat(plan.tooLate(offer, expiresAt.minusSeconds(1))).isNull();
		assertThat(plan.tooLate(offer, expiresAt)).isEqualTo("the offer ran out before it could be sent");
	}

	@Test
	void whenThePlaceEndsWhatIsPlannedIsCancelledAndWhatWasClaimedIsStale() {
		Plan plan = Plan.offeredWaitlist(offer("o-1", 2, NOW.plus(Duration.ofHours(2))), SCOTTSDALE);
		Plan claimed = plan.claim("waitlist-e-1:offer-o-1:v2", "me", NOW, Duration.ofMinutes(2)).orElseThrow();

		Plan left = claimed.leftWaitlist(new WaitlistLeft("e-1", 3, "BOOKED", NOW));

		assertThat(left.status()).isEqualTo(BookingStatus.LEFT);
		assertThat(left.message("waitlist-e-1:sms-offer-o-1:v2").orElseThrow().status())
			.isEqualTo(MessageStatus.CANCELLED);
		PlannedMessage sending = left.message("waitlist-e-1:offer-o-1:v2").orElseThrow();
		assertThat(sending.status()).isEqualTo(MessageStatus.SENDING);
		assertThat(left.staleReason(sending)).isEqualTo("the place on the waitlist ended");
		assertThat(left.hasSeen(3)).isTrue();
	}

	private static WaitlistOffered offer(String offerId, long version, Instant expiresAt) {
		Instant start = Instant.parse("2026-07-15T17:00:00Z");
		return new WaitlistOffered("e-1", version, offerId, new TreatmentId("t"), new LocationId("scottsdale"), start,
				start.plus(Duration.ofHours(1)), expiresAt, ANA, NOW);
	}

}

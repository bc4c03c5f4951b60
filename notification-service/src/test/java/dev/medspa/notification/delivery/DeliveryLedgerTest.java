package dev.medspa.notification.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@LocalInfrastructure
class DeliveryLedgerTest {

	@Autowired
	DeliveryLedger ledger;

	@RepeatedTest(5)
	void ofManySendersRacingForOneMessageExactlyOneWins() throws Exception {
		String id = "race-" + System.nanoTime();
		int senders = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < senders; i++) {
				Callable<Boolean> claim = () -> {
					start.await();
					try {
						return this.ledger
							.claim(id, "b", "confirmation", "email", "a@example.com", Duration.ofMinutes(2))
							.isPresent();
					}
					catch (DeliveryLedger.DeliveryInProgress ex) {
						return false;
					}
				};
				results.add(pool.submit(claim));
			}
			start.countDown();
			int winners = 0;
			for (Future<Boolean> result : results) {
				winners += result.get() ? 1 : 0;
			}
			assertThat(winners).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aSentMessageIsNeverClaimedAgainAndAnExpiredLeaseIsTakenOver() {
		String sent = "sent-" + System.nanoTime();
		assertThat(claim(sent, Duration.ofMinutes(2))).isPresent();
		this.ledger.markSent(sent);
		assertThat(claim(sent, Duration.ofMinutes(2))).isEmpty();

		String abandoned = "abandoned-" + System.nanoTime();
		assertThat(claim(abandoned, Duration.ZERO)).isPresent();
		assertThat(claim(abandoned, Duration.ofMinutes(2)))
			.hasValueSatisfying(d -> assertThat(d.attempts()).isEqualTo(2));
		assertThatThrownBy(() -> claim(abandoned, Duration.ofMinutes(2)))
			.isInstanceOf(DeliveryLedger.DeliveryInProgress.class);
	}

	private Optional<Delivery> claim(String id, Duration lease) {
		return this.ledger.claim(id, "b", "confirmation", "email", "a@example.com", lease);
	}

}

package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;

import dev.medspa.events.TreatmentId;
import dev.medspa.events.prepaid.PackagePurchased;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan of a package's receipt, with no Spring at all. */
class PackageReceiptPlanTest {

	static final Instant NOW = Instant.parse("2026-12-01T17:55:12Z");

	static final PackagePurchased PURCHASE = new PackagePurchased("p-1", "microneedling-3",
			new TreatmentId("microneedling"), "Micro-needling, course of 3", 3, 90000, "USD", "pi_1",
			new PackagePurchased.Buyer("Ana", "Ana@Example.com", "+1 925 555 0199"), NOW);

	@Test
	void aPurchasePlansOneReceiptDueAtOnceWithoutThePhone() {
		Plan plan = Plan.packagePurchased(PURCHASE);

		assertThat(plan.bookingId()).isEqualTo("package-p-1");
		assertThat(plan.status()).isEqualTo(BookingStatus.PAID);
		assertThat(plan.locationId()).isNull();
		assertThat(plan.client().normalizedEmail()).isEqualTo("ana@example.com");
		assertThat(plan.client().phone()).isNull();
		assertThat(plan.purchase())
			.isEqualTo(new PackagePurchase("p-1", "Micro-needling, course of 3", 3, 90000, "USD"));
		assertThat(plan.messages()).singleElement().satisfies(message -> {
			assertThat(message.id()).isEqualTo("package-p-1:package-receipt:v1");
			assertThat(message.step().immediate()).isTrue();
			assertThat(message.dueAt()).isEqualTo(NOW);
			assertThat(plan.staleReason(message)).isNull();
			assertThat(plan.tooLate(message, NOW.plus(Duration.ofDays(2)))).isNull();
		});
	}

	@Test
	void theBuyerIsForgottenOnceTheReceiptIsSettledAndKeptWhileItIsRetried() {
		String id = "package-p-1:package-receipt:v1";
		Plan claimed = Plan.packagePurchased(PURCHASE).claim(id, "one", NOW, Duration.ofMinutes(2)).orElseThrow();

		Plan retried = claimed.settle(id, "one", message -> Plan.retryLater(message, NOW.plusSeconds(60), "down"), NOW)
			.orElseThrow();
		assertThat(retried.client().email()).isEqualTo("Ana@Example.com");

		Plan sent = retried.claim(id, "one", NOW.plusSeconds(60), Duration.ofMinutes(2))
			.orElseThrow()
			.settle(id, "one", message -> Plan.sent(message, NOW.plusSeconds(61)), NOW.plusSeconds(61))
			.orElseThrow();
		assertThat(sent.client()).isEqualTo(Recipient.erased());
		assertThat(sent.messages()).extracting(PlannedMessage::status).containsExactly(MessageStatus.SENT);
		assertThat(sent.purchase()).isNotNull();
	}

}

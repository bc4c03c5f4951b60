package dev.medspa.notification.compose;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.medspa.events.TreatmentId;
import dev.medspa.events.prepaid.PackagePurchased;
import dev.medspa.notification.mail.EmailSender.Email;
import dev.medspa.notification.plan.Plan;
import org.junit.jupiter.api.Test;

import static dev.medspa.notification.compose.MessageComposerTest.LINKS;
import static dev.medspa.notification.compose.MessageComposerTest.PROPERTIES;
import static org.assertj.core.api.Assertions.assertThat;

/** A package's receipt, in words: what was bought, what was paid, and how to book. */
class PackageReceiptComposerTest {

	static final Instant NOW = Instant.parse("2026-12-01T17:55:12Z");

	final MessageComposer composer = new MessageComposer(PROPERTIES, LINKS, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void theReceiptNamesThePackageAndThePriceAndHowToBookWithoutNamingTheTreatmentInItsSubject() {
		Plan plan = Plan.packagePurchased(new PackagePurchased("p-1", "microneedling-3",
				new TreatmentId("microneedling"), "Micro-needling, course of 3", 3, 90000, "USD", "pi_1",
				new PackagePurchased.Buyer("Ana <Gomez>", "ana@example.com", null), NOW));

		Email email = this.composer.packageReceipt(plan, plan.messages().get(0));

		assertThat(email.subject()).isEqualTo("Your prepaid package from Evergreen Med Spa")
			.doesNotContainIgnoringCase("needling");
		assertThat(email.text()).contains("Hello Ana <Gomez>")
			.contains("Package:   Micro-needling, course of 3")
			.contains("Sessions:  3")
			.contains("Paid:      $900.00")
			.contains("Reference: p-1")
			.contains("tick \"Use a session from my prepaid package\", with this same e-mail address (ana@example.com)")
			.contains(PROPERTIES.bookingUrl())
			.doesNotContain("pi_1")
			.doesNotContainIgnoringCase("unsubscribe");
		assertThat(email.html()).contains("Hello Ana &lt;Gomez&gt;")
			.contains("href=\"" + PROPERTIES.bookingUrl() + "\"");
		assertThat(email.calendars()).isEmpty();
		assertThat(email.reference()).isEqualTo("package-p-1:package-receipt:v1");
	}

	@Test
	void moneyIsShownInTheCurrencysOwnDigits() {
		assertThat(MessageComposer.money(90000, "USD")).isEqualTo("$900.00");
		assertThat(MessageComposer.money(165000, "USD")).isEqualTo("$1,650.00");
		assertThat(MessageComposer.money(5000, "JPY")).isEqualTo("¥5,000");
		assertThat(MessageComposer.money(1234, "XYZ1")).isEqualTo("12.34 XYZ1");
	}

}

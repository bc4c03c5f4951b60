package dev.medspa.events.prepaid;

import dev.medspa.events.EventContracts;
import dev.medspa.events.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purchase travels on its own topic and is not offered to webhooks, which could not
 * forget its buyer (its version 1 payload is kept with the others in service-support's
 * contract tests).
 */
class PackagePurchasedTest {

	@Test
	void travelsOnThePackageTopicAndNotToWebhooks() {
		assertThat(EventContracts.PACKAGE_PURCHASED.topic()).isEqualTo(Topics.PACKAGE_EVENTS);
		assertThat(EventContracts.forType("dev.medspa.package.purchased")).contains(EventContracts.PACKAGE_PURCHASED);
		assertThat(EventContracts.FOR_WEBHOOKS).doesNotContain(EventContracts.PACKAGE_PURCHASED);
	}

}

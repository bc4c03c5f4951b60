package dev.medspa.booking.demo;

import java.time.Duration;

import dev.medspa.booking.policy.Policies;
import dev.medspa.booking.policy.PolicyTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Cancellation policies of the demo micro-needling treatments, stored once: a policy that
 * exists (perhaps changed since) is left as it is. Its own switch besides the demo data,
 * since a policy makes every booking of these treatments carry an acceptance and a card
 * token, which the booking pages do not send yet.
 * <p>
 * Micro-needling (350.00 USD): a 50.00 deposit, card on file, cancel up to 48 hours
 * before; later costs 50.00 (the deposit), not coming 100.00. With PRP (650.00): a 100.00
 * deposit, 48 hours, 100.00 late, 150.00 for not coming. The consultation asks nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = { "medspa.booking.demo-data", "medspa.booking.payments.demo-policies" })
class DemoPolicies implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPolicies.class);

	private static final Duration WINDOW = Duration.ofHours(48);

	private final Policies policies;

	DemoPolicies(Policies policies) {
		this.policies = policies;
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = 0;
		if (this.policies.addIfAbsent("microneedling", null, new PolicyTerms("USD", 50_00, true, WINDOW, 50_00, 100_00),
				"demo")) {
			added++;
		}
		if (this.policies.addIfAbsent("microneedling-prp", null,
				new PolicyTerms("USD", 100_00, true, WINDOW, 100_00, 150_00), "demo")) {
			added++;
		}
		log.info("Demo cancellation policies: {} added", added);
	}

}

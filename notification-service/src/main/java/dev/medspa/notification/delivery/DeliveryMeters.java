package dev.medspa.notification.delivery;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.medspa.notification.plan.PlannedMessage;
import org.springframework.stereotype.Component;

/**
 * What became of each message the dispatcher held, by channel and step:
 * {@code medspa_messages_total{outcome=sent|failed|retry|cancelled|deferred}}, and for
 * those sent, how long after they were due ({@code medspa_messages_lag_seconds}): the
 * pipeline's delay as a client feels it.
 */
@Component
class DeliveryMeters {

	enum Outcome {

		SENT, FAILED, RETRY, CANCELLED, DEFERRED;

		String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private final MeterRegistry registry;

	DeliveryMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void count(PlannedMessage message, Outcome outcome) {
		Counter.builder("medspa.messages")
			.description("Messages the dispatcher settled, by channel, step and outcome")
			.tag("channel", message.channel().name().toLowerCase(java.util.Locale.ROOT))
			.tag("step", message.step().name().toLowerCase(java.util.Locale.ROOT))
			.tag("outcome", outcome.tag())
			.register(this.registry)
			.increment();
	}

	void sent(PlannedMessage message, Instant sentAt) {
		count(message, Outcome.SENT);
		Timer.builder("medspa.messages.lag")
			.description("From when a message was due to when the mail server or SMS provider took it")
			.tag("channel", message.channel().name().toLowerCase(java.util.Locale.ROOT))
			.tag("step", message.step().name().toLowerCase(java.util.Locale.ROOT))
			.publishPercentileHistogram()
			.register(this.registry)
			.record(Duration.between(message.dueAt(), sentAt).isNegative() ? Duration.ZERO
					: Duration.between(message.dueAt(), sentAt));
	}

}

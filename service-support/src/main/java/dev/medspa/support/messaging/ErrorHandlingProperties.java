package dev.medspa.support.messaging;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a consumer retries a record that failed before it gives up and sends it to the
 * dead-letter topic.
 *
 * @param initialInterval the first wait; each following one doubles
 * @param maxInterval the longest wait
 * @param maxAttempts retries after the first delivery
 * @param awaitingDataFor how long a record that waits for data from another topic
 * ({@link AwaitedDataMissing}) keeps being retried, at most every {@code maxInterval}
 */
@Validated
@ConfigurationProperties("medspa.kafka.retry")
public record ErrorHandlingProperties(@DefaultValue("PT0.5S") Duration initialInterval,
		@DefaultValue("PT10S") Duration maxInterval, @DefaultValue("8") @Min(0) int maxAttempts,
		@DefaultValue("PT1H") Duration awaitingDataFor) {
}

package dev.medspa.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code medspa.webhooks.*}).
 *
 * @param allowedHosts hosts that may be reached over plain HTTP and at private or
 * loopback addresses; empty in a deployment, where only {@code https} targets at public
 * addresses are accepted. The local platform lists {@code 127.0.0.1} and
 * {@code localhost}.
 * @param retryDelays the waits after the first, second, ... failed attempt; when they run
 * out the delivery has failed. The default adds up to about three days.
 * @param lease how long a sender holds a delivery it claimed before another may take it
 * @param interval how often due deliveries are looked for
 * @param batch how many due deliveries one round takes at most
 * @param senders how many deliveries are posted at once
 * @param connectTimeout for opening a connection to a receiver
 * @param timeout for the whole answer of a receiver
 * @param maxAnswerBytes how much of an answer is read; the rest is dropped
 * @param flagAfter how long an endpoint may keep failing before it is flagged and its
 * contact told
 * @param secretOverlap how long a replaced signing secret keeps signing beside the new
 * one, unless the rotation names another period
 * @param retention how long a delivery that was settled is kept for its log and replay
 */
@ConfigurationProperties("medspa.webhooks")
public record WebhookProperties(@DefaultValue List<String> allowedHosts, @DefaultValue( {
		"PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT14H", "PT20H", "PT20H" }) List<Duration> retryDelays,
		@DefaultValue("PT1M") Duration lease, @DefaultValue("PT1S") Duration interval, @DefaultValue("100") int batch,
		@DefaultValue("8") int senders, @DefaultValue("PT5S") Duration connectTimeout,
		@DefaultValue("PT10S") Duration timeout, @DefaultValue("4096") int maxAnswerBytes,
		@DefaultValue("PT1H") Duration flagAfter, @DefaultValue("PT24H") Duration secretOverlap,
		@DefaultValue("P30D") Duration retention){

	public WebhookProperties {
		allowedHosts = List.copyOf(allowedHosts);
		retryDelays = List.copyOf(retryDelays);
		if (retryDelays.isEmpty()) {
			throw new IllegalArgumentException("medspa.webhooks.retry-delays needs at least one wait");
		}
	}

	/** The total time a delivery is tried for. */
	public Duration retryPeriod() {
		return this.retryDelays.stream().reduce(Duration.ZERO, Duration::plus);
	}

}

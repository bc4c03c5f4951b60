package dev.medspa.support.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may scrape {@code /actuator/prometheus}: HTTP Basic with the user {@code username}
 * and the installation's {@code scrapePassword} ({@code METRICS_SCRAPE_PASSWORD}). There
 * is no default password: without one, the endpoint refuses everybody.
 *
 * @param username the scraper's user name
 * @param scrapePassword the scraper's password, at least 16 characters; blank closes the
 * endpoint
 */
@ConfigurationProperties("medspa.metrics")
public record MetricsProperties(@DefaultValue("prometheus") String username, @DefaultValue("") String scrapePassword) {

	/** A password shorter than this is refused at start, not accepted quietly. */
	static final int SHORTEST_PASSWORD = 16;

	public MetricsProperties {
		if (!scrapePassword.isEmpty() && scrapePassword.length() < SHORTEST_PASSWORD) {
			throw new IllegalArgumentException(
					"medspa.metrics.scrape-password must have at least " + SHORTEST_PASSWORD + " characters");
		}
	}

	boolean open() {
		return !this.scrapePassword.isEmpty();
	}

}

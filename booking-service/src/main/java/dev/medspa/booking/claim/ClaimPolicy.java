package dev.medspa.booking.claim;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How claims of one practitioner at different locations keep apart.
 *
 * @param travelBuffer the least time between a practitioner's claims at two different
 * locations (claims at one location may follow each other directly); at most 12 hours
 */
@Validated
@ConfigurationProperties("medspa.booking")
public record ClaimPolicy(@DefaultValue("PT30M") Duration travelBuffer) {

	public ClaimPolicy {
		if (travelBuffer.isNegative() || travelBuffer.compareTo(Duration.ofHours(12)) > 0) {
			throw new IllegalArgumentException("medspa.booking.travel-buffer must be between 0 and 12 hours");
		}
	}

}

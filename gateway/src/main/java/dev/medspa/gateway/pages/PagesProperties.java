package dev.medspa.gateway.pages;

import java.time.Duration;
import java.time.Period;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the pages tell clients about the booking rules; keep equal to booking-service's
 * {@code medspa.booking.*}, which decides.
 *
 * @param bookingHorizon how far ahead the calendar goes
 * @param clientChangeCutoff clients may move or cancel online until this long before the
 * start
 */
@Validated
@ConfigurationProperties("medspa.pages")
public record PagesProperties(@DefaultValue("P90D") @NotNull Period bookingHorizon,
		@DefaultValue("PT24H") @NotNull Duration clientChangeCutoff) {
}

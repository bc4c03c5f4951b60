package dev.medspa.gateway.routes;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the services answer ({@code CATALOG_URL}, {@code BOOKING_URL_INTERNAL},
 * {@code NOTIFICATION_URL}).
 */
@Validated
@ConfigurationProperties("medspa.gateway")
public record ServiceUrls(@DefaultValue("http://127.0.0.1:8081") @NotNull URI catalog,
		@DefaultValue("http://127.0.0.1:8082") @NotNull URI booking,
		@DefaultValue("http://127.0.0.1:8083") @NotNull URI notification) {
}

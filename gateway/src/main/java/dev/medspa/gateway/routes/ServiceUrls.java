package dev.medspa.gateway.routes;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the instances of each service answer ({@code CATALOG_URL},
 * {@code BOOKING_SERVICE_URL}, {@code NOTIFICATION_URL}, {@code INTAKE_URL}); several
 * instances are given comma-separated, and the gateway spreads requests over those that
 * are alive.
 */
@Validated
@ConfigurationProperties("medspa.gateway")
public record ServiceUrls(@DefaultValue("http://127.0.0.1:8081") @NotEmpty List<URI> catalog,
		@DefaultValue("http://127.0.0.1:8082") @NotEmpty List<URI> booking,
		@DefaultValue("http://127.0.0.1:8083") @NotEmpty List<URI> notification,
		@DefaultValue("http://127.0.0.1:8084") @NotEmpty List<URI> intake) {
}

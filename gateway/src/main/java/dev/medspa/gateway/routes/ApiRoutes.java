package dev.medspa.gateway.routes;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

/**
 * The public and staff APIs under one address: each path goes to the service that owns
 * it, unchanged, with its {@code Authorization} header. The services check tokens
 * themselves; the gateway adds no trust of its own.
 */
@Configuration(proxyBeanMethods = false)
class ApiRoutes {

	/**
	 * A location's calendar feeds and cancellation policies are booking-service's, under
	 * the catalog's {@code /api/staff/locations/**}: matched before the catalog's routes.
	 * The feeds themselves ({@code /feeds/<token>.ics}) are what calendar apps subscribe
	 * to.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> calendarFeedsApi() {
		return to(ServiceInstances.BOOKING, "/api/staff/locations/*/feeds", "/api/staff/locations/*/feeds/**",
				"/api/staff/locations/*/policies/**", "/feeds/**");
	}

	/**
	 * Intake and consent forms: the client's forms link, the form templates and, under
	 * the catalog's {@code /api/staff/locations/**}, a booking's health answers (matched
	 * before the catalog's routes).
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> intakeApi() {
		return to(ServiceInstances.INTAKE, "/api/intake/**", "/api/staff/forms", "/api/staff/forms/**",
				"/api/staff/locations/*/intake/**", "/api/staff/dead-letters/intake-service",
				"/api/staff/dead-letters/intake-service/**");
	}

	@Bean
	RouterFunction<ServerResponse> catalogApi() {
		return to(ServiceInstances.CATALOG, "/api/treatments", "/api/treatments/**", "/api/locations",
				"/api/locations/**", "/api/practitioners", "/api/practitioners/**", "/api/staff/treatments",
				"/api/staff/treatments/**", "/api/staff/locations", "/api/staff/locations/**",
				"/api/staff/practitioners", "/api/staff/practitioners/**");
	}

	@Bean
	RouterFunction<ServerResponse> bookingApi() {
		return to(ServiceInstances.BOOKING, "/api/availability", "/api/availability/**", "/api/holds", "/api/holds/**",
				"/api/bookings", "/api/bookings/**", "/api/manage/**", "/api/staff/schedules/**", "/api/staff/bookings",
				"/api/staff/bookings/**", "/api/staff/day-sheets/**", "/api/staff/agenda/**", "/api/staff/attention",
				"/api/staff/affected-bookings", "/api/staff/clients/erase", "/api/staff/dead-letters/booking-service",
				"/api/staff/dead-letters/booking-service/**", "/api/waitlist", "/api/waitlist/**",
				"/api/staff/waitlist", "/api/staff/waitlist/**", "/api/series", "/api/series/**", "/api/staff/series",
				"/api/policies", "/api/staff/policies/**", "/api/packages", "/api/packages/**", "/api/staff/packages",
				"/api/staff/packages/**");
	}

	@Bean
	RouterFunction<ServerResponse> notificationApi() {
		return to(ServiceInstances.NOTIFICATION, "/api/staff/notifications", "/api/staff/notifications/**",
				"/api/unsubscribe/**", "/api/email-codes", "/api/staff/dead-letters/notification-service",
				"/api/staff/dead-letters/notification-service/**", "/api/staff/webhooks", "/api/staff/webhooks/**");
	}

	/**
	 * The gateway's form filter re-reads form posts for proxying; the APIs take JSON, and
	 * the pages' own forms must reach their controllers untouched.
	 */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<org.springframework.cloud.gateway.server.mvc.filter.FormFilter> formFilterOff(
			org.springframework.cloud.gateway.server.mvc.filter.FormFilter filter) {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	private static RouterFunction<ServerResponse> to(String service, String... patterns) {
		RequestPredicate paths = Arrays.stream(patterns)
			.map(RequestPredicates::path)
			.reduce(RequestPredicate::or)
			.orElseThrow();
		return route(service).route(paths, http()).filter(lb(service)).before(ApiRoutes::withClientAddress).build();
	}

	/**
	 * Tells the service who called, as this gateway saw the connection: whatever
	 * {@code X-Forwarded-For} the caller sent is replaced, so a client cannot pass for
	 * another when the services count its requests.
	 */
	private static ServerRequest withClientAddress(ServerRequest request) {
		String address = request.remoteAddress().map(remote -> remote.getAddress().getHostAddress()).orElse("unknown");
		return ServerRequest.from(request).headers(headers -> headers.set("X-Forwarded-For", address)).build();
	}

}

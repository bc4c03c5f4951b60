package dev.medspa.gateway.clients;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.stereotype.Component;

/**
 * Gathers what every service holds about a client into one document: booking-service's
 * bookings, notification-service's messages and preferences and intake-service's forms
 * with their answers and signatures (catalog-service holds nothing about clients). Each
 * service checks the owner's token and the client's code itself. A file that lacks a
 * service's part would look complete and not be, so when any service refuses or does not
 * answer, there is no file.
 */
@Component
public class ClientDataExport {

	/** The problem's code when a service did not answer. */
	public static final String SERVICE_UNAVAILABLE = "service-unavailable";

	private final Services services;

	private final Clock clock;

	ClientDataExport(Services services, Clock clock) {
		this.services = services;
		this.clock = clock;
	}

	/**
	 * @param authorization the API caller's header, or null for the signed-in member
	 * @throws ServiceProblem when a service refuses, or (503,
	 * {@value #SERVICE_UNAVAILABLE}) does not answer
	 */
	public Map<String, Object> export(@Nullable String authorization, Map<String, Object> request) {
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("email", request.get("email"));
		file.put("exportedAt", this.clock.instant().toString());
		file.put("bookingService", part("booking", authorization, request));
		file.put("notificationService", part("notification", authorization, request));
		file.put("intakeService", part("intake", authorization, request));
		return file;
	}

	private Map<String, Object> part(String service, @Nullable String authorization, Map<String, Object> request) {
		try {
			return this.services.clientData(service, "export", authorization, request);
		}
		catch (ResourceAccessException | IllegalStateException unreachable) {
			// no connection, no answer in time, or (from the load balancer) no live
			// instance
			throw new ServiceProblem(503, SERVICE_UNAVAILABLE,
					service + "-service did not answer, so no file was made. Please try again in a few minutes.",
					Map.of());
		}
	}

}

package dev.medspa.gateway.clients;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.medspa.gateway.services.Services;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Gathers what every service holds about a client into one document: booking-service's
 * bookings and notification-service's messages and preferences (catalog-service holds
 * nothing about clients). Each service checks the owner's token and the client's code
 * itself.
 */
@Component
public class ClientDataExport {

	private final Services services;

	private final Clock clock;

	ClientDataExport(Services services, Clock clock) {
		this.services = services;
		this.clock = clock;
	}

	/**
	 * @param authorization the API caller's header, or null for the signed-in member
	 * @throws dev.medspa.gateway.services.ServiceProblem when a service refuses
	 */
	public Map<String, Object> export(@Nullable String authorization, Map<String, Object> request) {
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("email", request.get("email"));
		file.put("exportedAt", this.clock.instant().toString());
		file.put("bookingService", this.services.clientData("booking", "export", authorization, request));
		file.put("notificationService", this.services.clientData("notification", "export", authorization, request));
		return file;
	}

}

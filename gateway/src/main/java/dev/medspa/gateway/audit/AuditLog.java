package dev.medspa.gateway.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medspa.gateway.services.Services;
import dev.medspa.support.audit.AuditEntry;
import dev.medspa.support.audit.AuditTrail;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Reads the audit logs of the chain as the caller: every service decides for itself that
 * only owners read its log, and the gateway adds its own entries only once they have.
 */
@Component
public class AuditLog {

	private static final List<String> SERVICES = List.of("catalog", "booking", "notification");

	private final Services services;

	private final AuditTrail gateway;

	AuditLog(Services services, AuditTrail gateway) {
		this.services = services;
		this.gateway = gateway;
	}

	/**
	 * Newest first, at most {@code limit}.
	 * @param authorization the API caller's header, or null for the signed-in member
	 * @throws dev.medspa.gateway.services.ServiceProblem when a service refuses (403 for
	 * anyone but owners)
	 */
	public List<Map<String, Object>> read(@Nullable String authorization, @Nullable String actor,
			@Nullable String target, @Nullable Instant from, @Nullable Instant to, int limit) {
		int bounded = Math.max(1, Math.min(limit, AuditTrail.MAX_READ));
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("actor", actor);
		filters.put("target", target);
		filters.put("from", from == null ? null : from.toString());
		filters.put("to", to == null ? null : to.toString());
		filters.put("limit", String.valueOf(bounded));
		List<Map<String, Object>> merged = new ArrayList<>();
		for (String service : SERVICES) {
			merged.addAll(this.services.audit(service, authorization, filters));
		}
		for (AuditEntry entry : this.gateway.find(actor, target, from, to, bounded)) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("id", entry.id());
			map.put("at", entry.at().toString());
			map.put("service", entry.service());
			map.put("actor", entry.actor());
			map.put("roles", entry.roles());
			map.put("action", entry.action());
			map.put("target", entry.target());
			map.put("status", entry.status());
			map.put("address", entry.address());
			map.put("reason", entry.reason());
			merged.add(map);
		}
		merged.sort(Comparator.comparing((Map<String, Object> entry) -> Instant.parse(String.valueOf(entry.get("at"))))
			.reversed());
		return merged.size() > bounded ? merged.subList(0, bounded) : merged;
	}

}

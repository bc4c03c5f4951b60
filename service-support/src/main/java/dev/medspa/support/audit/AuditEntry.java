package dev.medspa.support.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One staff action, as it happened.
 *
 * @param service which service did it
 * @param actor the token's subject (the member's e-mail), or what a failed sign-in typed
 * @param roles the roles the token carried
 * @param action what was asked, as the route's pattern: {@code POST
 * /api/staff/bookings/{id}/cancel}, or a named page action such as {@code sign-in}
 * @param target the entity acted on, as the path named it:
 * {@code /api/staff/bookings/3f2.../cancel}
 * @param status the answer's HTTP status: refused attempts are recorded too
 * @param address where the request came from, as the gateway saw it
 * @param reason why, where the action takes a reason (a cancellation, an override)
 */
@Document("audit_log")
public record AuditEntry(@Id String id, @Indexed Instant at, String service, String actor, List<String> roles,
		String action, String target, int status, String address, @Nullable String reason) {

	public AuditEntry {
		roles = List.copyOf(roles);
	}

}

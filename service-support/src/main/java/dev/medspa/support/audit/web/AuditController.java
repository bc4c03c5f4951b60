package dev.medspa.support.audit.web;

import java.time.Instant;
import java.util.List;

import dev.medspa.support.audit.AuditEntry;
import dev.medspa.support.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/staff/audit}: this service's audit log, newest first, for owners only
 * (the security chain says so). There is no route that changes it.
 */
@RestController
@Tag(name = "Audit log", description = "Who did what, in this service")
public class AuditController {

	private final AuditTrail trail;

	public AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	/**
	 * @param actor a member's e-mail
	 * @param target text the entity's path contains: a booking's id, a location's id
	 * @param from inclusive, an instant
	 * @param to exclusive
	 * @param limit at most {@value AuditTrail#MAX_READ}
	 */
	@Operation(summary = "Read this service's audit log",
			description = "Staff actions newest first under `entries`: when, who (the token's subject and roles), "
					+ "the route asked for and the entity's path, the answer's status (refused attempts too), the "
					+ "client address and the reason where the action takes one. Narrow it with `actor` (a member's "
					+ "e-mail), `target` (text the entity's path contains, such as a booking id) and the instants "
					+ "`from` (inclusive) and `to` (exclusive); `limit` defaults to 100 and is capped at "
					+ AuditTrail.MAX_READ + ".")
	@GetMapping("/api/staff/audit")
	Entries read(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "100") int limit) {
		return new Entries(this.trail.find(actor, target, from, to, limit));
	}

	record Entries(List<AuditEntry> entries) {
	}

}

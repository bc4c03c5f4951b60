package dev.medspa.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.medspa.gateway.services.ProblemResponses;
import dev.medspa.gateway.services.ServiceProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/staff/audit}: the whole chain's audit log for an owner's token, newest
 * first; the same filters as each service's.
 */
@RestController
class AuditApi {

	private final AuditLog log;

	AuditApi(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/staff/audit")
	ResponseEntity<?> read(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "100") int limit) {
		if (token == null || token.isBlank()) {
			return ProblemResponses.tokenRequired();
		}
		try {
			return ResponseEntity.ok(Map.of("entries", this.log.read(token, actor, target, from, to, limit)));
		}
		catch (ServiceProblem refused) {
			return ProblemResponses.of(refused);
		}
	}

}

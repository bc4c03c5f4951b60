package dev.medspa.gateway.services;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Problem details (RFC 9457) for the few API routes the gateway answers itself, in the
 * services' vocabulary.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static ResponseEntity<ProblemDetail> of(int status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setType(URI.create("https://medspa.dev/problems/" + code));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	public static ResponseEntity<ProblemDetail> of(ServiceProblem refused) {
		return of(refused.status(), refused.code(), refused.detail());
	}

	public static ResponseEntity<ProblemDetail> tokenRequired() {
		return of(401, "unauthorized", "A staff token is required");
	}

}

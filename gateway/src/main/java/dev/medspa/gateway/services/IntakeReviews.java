package dev.medspa.gateway.services;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The staff's calls to intake-service about one booking's forms: a practitioner's or a
 * manager's reading of the client's answers with their evidence, and their review. Both
 * go with the signed-in member's token; intake-service lets in only practitioners and
 * managers of the booking's location (not owners as such), and audits every read. A
 * refusal is thrown as a {@link ServiceProblem}.
 */
@Component
public class IntakeReviews {

	/** The practitioner let the visit go ahead. */
	public static final String CLEARED = "CLEARED";

	/**
	 * The practitioner decided the treatment cannot go ahead; the booking is cancelled.
	 */
	public static final String DECLINED = "DECLINED";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Services services;

	public IntakeReviews(Services services) {
		this.services = services;
	}

	/**
	 * A booking's intake at a location: its status, each form with its submissions and
	 * answers (flagged ones marked), the evidence of each signature and the reviews;
	 * empty when the booking has no intake there.
	 */
	public Optional<Map<String, Object>> intake(String location, String bookingId) {
		try {
			return Optional.ofNullable(this.services.intake()
				.get()
				.uri("/api/staff/locations/{location}/intake/{booking}", location, bookingId)
				.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
				.retrieve()
				.body(MAP));
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	/**
	 * Records a practitioner's review of answers that needed one.
	 * @param decision {@link #CLEARED} or {@link #DECLINED}
	 * @param reason for a decline: {@code NOT_SUITABLE_NOW}, {@code CONSULTATION_FIRST}
	 * or {@code OTHER}; not sent for a clearance
	 * @param note the practitioner's own words, kept in intake-service
	 * @return the intake's new status
	 */
	public String review(String location, String bookingId, String decision, @Nullable String reason, String note) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("decision", decision);
		if (DECLINED.equals(decision) && reason != null) {
			request.put("reason", reason);
		}
		request.put("note", note);
		Map<String, Object> answer = this.services.intake()
			.post()
			.uri("/api/staff/locations/{location}/intake/{booking}/review", location, bookingId)
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.writeValueAsString(request))
			.retrieve()
			.body(MAP);
		return answer == null ? decision : String.valueOf(answer.getOrDefault("status", decision));
	}

}

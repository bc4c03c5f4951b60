package dev.medspa.gateway.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The pages' calls to intake-service: a booking's forms through the client's link and
 * their answers, and the form templates staff read and publish. A refusal is thrown as a
 * {@link ServiceProblem}.
 */
@Component
public class IntakeForms {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Services services;

	public IntakeForms(Services services) {
		this.services = services;
	}

	// the client's link

	/**
	 * The booking and the forms it asks for, as the client's link opens them; empty when
	 * the link opens no booking with forms.
	 */
	public Optional<Map<String, Object>> forClient(String token) {
		try {
			return Optional
				.ofNullable(this.services.intake().get().uri("/api/intake/{token}", token).retrieve().body(MAP));
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	/**
	 * Sends the client's answers to one form.
	 * @param submission {@code version}, {@code answers} by question id and
	 * {@code signedName}
	 * @param userAgent the client's browser as it named itself, kept by intake-service
	 * with the signature; nothing is sent when the browser named none
	 * @return the booking's intake status and how many forms are still due
	 */
	public Map<String, Object> submit(String token, String templateId, Map<String, Object> submission,
			@Nullable String userAgent) {
		return body(this.services.intake()
			.post()
			.uri("/api/intake/{token}/forms/{templateId}", token, templateId)
			.headers(headers -> {
				if (userAgent != null && !userAgent.isBlank()) {
					headers.set(HttpHeaders.USER_AGENT, userAgent);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.writeValueAsString(submission))
			.retrieve()
			.body(MAP));
	}

	// staff: the form templates

	/** Every template with its current version, as the signed-in member. */
	public List<Map<String, Object>> templates() {
		List<Map<String, Object>> templates = this.services.intake()
			.get()
			.uri("/api/staff/forms")
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.retrieve()
			.body(LIST);
		return templates == null ? List.of() : templates;
	}

	/** A template with all its versions, newest first; empty when there is none. */
	public Optional<Map<String, Object>> template(String templateId) {
		try {
			return Optional.ofNullable(this.services.intake()
				.get()
				.uri("/api/staff/forms/{templateId}", templateId)
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
	 * Publishes a new version of a template (creating the template on first use), as the
	 * signed-in member.
	 * @param version {@code kind}, {@code treatmentIds}, {@code title}, {@code intro},
	 * {@code questions} and {@code validForDays}
	 */
	public Published publish(String templateId, Map<String, Object> version) {
		ResponseEntity<Map<String, Object>> answer = this.services.intake()
			.put()
			.uri("/api/staff/forms/{templateId}", templateId)
			.header(HttpHeaders.AUTHORIZATION, this.services.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.writeValueAsString(version))
			.retrieve()
			.toEntity(MAP);
		return new Published(answer.getStatusCode().value() == 201, body(answer.getBody()));
	}

	private static Map<String, Object> body(@Nullable Map<String, Object> body) {
		return body == null ? Map.of() : body;
	}

	/**
	 * The answer to a publication.
	 *
	 * @param created whether a new version was published; false when the content equals
	 * the current version's, which stays current
	 * @param version the version now current
	 */
	public record Published(boolean created, Map<String, Object> version) {

		/** The current version's number, or 0 when the answer did not say it. */
		public long number() {
			return this.version.get("version") instanceof Number number ? number.longValue() : 0;
		}

	}

}

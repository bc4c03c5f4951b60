package dev.medspa.gateway.clients;

import java.util.Map;

import dev.medspa.gateway.services.ProblemResponses;
import dev.medspa.gateway.services.ServiceProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/staff/clients/export} with {@code {"email", "emailCode", "reason"}}
 * and an owner's token: one JSON file of everything the chain holds about the client.
 */
@RestController
class ClientDataApi {

	private final ClientDataExport export;

	ClientDataApi(ClientDataExport export) {
		this.export = export;
	}

	@PostMapping("/api/staff/clients/export")
	ResponseEntity<?> export(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String token,
			@RequestBody Map<String, Object> request) {
		if (token == null || token.isBlank()) {
			return ProblemResponses.tokenRequired();
		}
		try {
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("client-data.json").build().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.export.export(token, request));
		}
		catch (ServiceProblem refused) {
			return ProblemResponses.of(refused);
		}
	}

}

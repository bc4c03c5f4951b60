package dev.medspa.gateway.docs;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /docs/asyncapi.json}: the AsyncAPI document, public like the client pages,
 * for anyone who consumes the platform's topics or receives its webhooks. Public so the
 * security configuration's test can put it in a web slice.
 */
@RestController
public class AsyncApiController {

	static final String PATH = "/docs/asyncapi.json";

	private final byte[] json;

	AsyncApiController(AsyncApiDocument document) {
		this.json = document.json().getBytes(StandardCharsets.UTF_8);
	}

	@GetMapping(PATH)
	ResponseEntity<byte[]> asyncApi() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.json);
	}

}

package dev.medspa.support.messaging;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.medspa.support.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners list what this service's consumers gave up on and replay it once the cause is
 * fixed. The path names the service, so the gateway can route each service's dead letters
 * to it.
 */
@RestController
@Tag(name = "Dead letters", description = "Events this service's consumers gave up on, and their replay")
@RequestMapping("/api/staff/dead-letters/${spring.application.name}")
public class DeadLettersApi {

	private final DeadLetters deadLetters;

	DeadLettersApi(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@Operation(summary = "List the records this service's consumers gave up on",
			description = "Up to `limit` dead letters (1 to 1000, default 100), each with the topic, partition and "
					+ "offset it came from, its key and CloudEvents id and type where it had them, the consumer "
					+ "group, the class of the failure and when it was given up on. The payload is never shown; "
					+ "contact data in the reason is masked.")
	@GetMapping
	List<DeadLetters.DeadLetter> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.deadLetters.list(limit);
	}

	@Operation(summary = "Replay one dead letter onto the topic it came from",
			description = "Use once the cause is fixed. Answers the dead letter replayed; 404 when there is none "
					+ "at that dead-letter topic, partition and offset, 503 `broker-unavailable` when the broker did "
					+ "not take it (send the same request again later). Safe to repeat: consumers skip an event "
					+ "they already applied.")
	@PostMapping("/{deadLetterTopic}/{partition}/{offset}/replay")
	DeadLetters.DeadLetter replay(@PathVariable String deadLetterTopic, @PathVariable @Min(0) int partition,
			@PathVariable @Min(0) long offset) {
		try {
			return this.deadLetters.replay(deadLetterTopic, partition, offset)
				.orElseThrow(() -> Refusal.notFound("Dead letter", "This service has no dead letter at "
						+ deadLetterTopic + ", partition " + partition + ", offset " + offset));
		}
		catch (DeadLetters.BrokerUnavailable ex) {
			throw Refusal.unavailable("broker-unavailable", "The broker did not take the replay; try again later");
		}
	}

}

package dev.medspa.intake.intake.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.medspa.intake.intake.Intakes;
import dev.medspa.intake.intake.Review;
import dev.medspa.intake.intake.Submission;
import dev.medspa.support.audit.Audit;
import dev.medspa.support.links.EmailCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/staff/clients/export} (owners, with the code the client received):
 * every form the client's bookings asked for and every answer and signature they gave.
 * Erasure follows booking-service's {@code BookingClientErased} events.
 */
@RestController
@Tag(name = "Staff: client data", description = "A client's data, at their request")
class ClientDataController {

	private final Intakes intakes;

	private final EmailCodes codes;

	private final Clock clock;

	ClientDataController(Intakes intakes, EmailCodes codes, Clock clock) {
		this.intakes = intakes;
		this.codes = codes;
		this.clock = clock;
	}

	@Operation(summary = "Export what this service holds about a client",
			description = "The forms of each of the client's bookings, every submission with its answers and evidence, "
					+ "and the reviews. The client proves the address is theirs with the code e-mailed to it, which "
					+ "the owner sends as `emailCode` (422 when wrong or expired); `reason` is kept in the audit log. "
					+ "Erasure follows booking-service's events; there is no erase route here.")
	@PostMapping("/api/staff/clients/export")
	Export export(@Valid @RequestBody ClientRequest request) {
		String email = java.util.Objects.requireNonNull(request.email()).strip();
		Audit.because(String.valueOf(request.reason()));
		this.codes.requireReadOut(email, request.emailCode(), this.clock.instant());
		return new Export(email,
				this.intakes.export(email)
					.stream()
					.map(found -> new BookingForms(found.intake().id(), found.intake().locationId(),
							found.intake().treatmentId(), found.intake().start(), found.intake().status(),
							found.intake().reviews(), found.submissions()))
					.toList());
	}

	record ClientRequest(@NotBlank @Size(max = 254) @Email @Nullable String email,
			@NotBlank @Size(max = 12) @Nullable String emailCode, @NotBlank @Size(max = 500) @Nullable String reason) {
	}

	record Export(String email, List<BookingForms> bookings) {
	}

	record BookingForms(String bookingId, String locationId, String treatmentId, Instant start, String status,
			List<Review> reviews, List<Submission> submissions) {
	}

}

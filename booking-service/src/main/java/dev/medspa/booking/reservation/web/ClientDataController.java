package dev.medspa.booking.reservation.web;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.reservation.ClientData;
import dev.medspa.support.audit.Audit;
import dev.medspa.support.links.EmailCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners hand a client their data, or erase it, at the client's request: the client
 * proves the address is theirs with the code e-mailed to it (POST /api/email-codes), and
 * reads it to the owner. Both are audited with the reason.
 */
@RestController
@Tag(name = "Staff: client data", description = "A client's data, at their request")
class ClientDataController {

	private final ClientData clients;

	private final EmailCodes codes;

	private final Clock clock;

	ClientDataController(ClientData clients, EmailCodes codes, Clock clock) {
		this.clients = clients;
		this.codes = codes;
		this.clock = clock;
	}

	/** Everything this service holds about the client: their bookings. */
	@Operation(summary = "Export what this service holds about a client",
			description = "Their bookings and other records here (such as waitlist places), found by `email`. The client "
					+ "proves the address is theirs with the code e-mailed to it (POST /api/email-codes), which the "
					+ "owner sends as `emailCode` (422 when wrong or expired); `reason` is kept in the audit log.")
	@PostMapping("/api/staff/clients/export")
	Export export(@Valid @RequestBody ClientRequest request) {
		String email = verified(request);
		return new Export(email, this.clients.of(email).stream().map(BookingView::of).toList(),
				this.clients.othersOf(email));
	}

	/**
	 * Erases the client from every booking of theirs; the other services follow from the
	 * events. 409 while a booking is still to come.
	 */
	@Operation(summary = "Erase a client from this service",
			description = "Removes the client's name and contact data from every booking and other record of theirs; the "
					+ "other services follow from the events. Answers how many were erased. 409 while a booking is still "
					+ "to come. Needs the client's `emailCode` and a `reason`, as the export does.")
	@PostMapping("/api/staff/clients/erase")
	Erased erase(@Valid @RequestBody ClientRequest request) {
		String email = verified(request);
		int bookings = this.clients.erase(email);
		return new Erased(bookings, this.clients.eraseOthers(email));
	}

	private String verified(ClientRequest request) {
		String email = java.util.Objects.requireNonNull(request.email()).strip();
		Audit.because(String.valueOf(request.reason()));
		this.codes.requireReadOut(email, request.emailCode(), this.clock.instant());
		return email;
	}

	/**
	 * @param emailCode the code the client received, proving the request is theirs
	 * @param reason why, for the audit log: "client asked by phone on ..."
	 */
	record ClientRequest(@NotBlank @Size(max = 254) @Email @Nullable String email,
			@NotBlank @Size(max = 12) @Nullable String emailCode, @NotBlank @Size(max = 500) @Nullable String reason) {
	}

	/**
	 * @param others the client's other records here, by what they are: "waitlist"
	 */
	record Export(String email, List<BookingView> bookings, java.util.Map<String, List<?>> others) {
	}

	record Erased(int erasedBookings, java.util.Map<String, Integer> erasedOthers) {
	}

}

package dev.medspa.notification.preferences.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.preferences.ContactPreferences;
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
 * what this service holds about a client, the messages planned and sent for each of their
 * bookings and whether they opted out of reminders to book again. Erasure comes from
 * booking-service's {@code BookingClientErased} events.
 */
@RestController
@Tag(name = "Staff: client data", description = "A client's data, at their request")
class ClientDataController {

	private final PlanStore plans;

	private final ContactPreferences preferences;

	private final EmailCodes codes;

	private final Clock clock;

	ClientDataController(PlanStore plans, ContactPreferences preferences, EmailCodes codes, Clock clock) {
		this.plans = plans;
		this.preferences = preferences;
		this.codes = codes;
		this.clock = clock;
	}

	@Operation(summary = "Export what this service holds about a client",
			description = "The messages planned and sent for each of the client's bookings, with the contact data they used, "
					+ "and whether they unsubscribed from reminders to book again. The client proves the address is "
					+ "theirs with the code e-mailed to it (POST /api/email-codes), which the owner sends as `emailCode` "
					+ "(422 when wrong or expired); `reason` is kept in the audit log. Erasure follows booking-service's "
					+ "events; there is no erase route here.")
	@PostMapping("/api/staff/clients/export")
	Export export(@Valid @RequestBody ClientRequest request) {
		String email = java.util.Objects.requireNonNull(request.email()).strip();
		Audit.because(String.valueOf(request.reason()));
		this.codes.requireReadOut(email, request.emailCode(), this.clock.instant());
		String normalized = email.toLowerCase(Locale.ROOT);
		List<PlanView> plans = this.plans.ofClient(normalized)
			.stream()
			.map(plan -> new PlanView(plan.bookingId(), plan.client().name(), plan.client().email(),
					plan.client().phone(), plan.client().consentToSms(),
					plan.messages().stream().map(MessageView::of).toList()))
			.toList();
		return new Export(email, plans, this.preferences.optedOut(normalized));
	}

	record ClientRequest(@NotBlank @Size(max = 254) @Email @Nullable String email,
			@NotBlank @Size(max = 12) @Nullable String emailCode, @NotBlank @Size(max = 500) @Nullable String reason) {
	}

	/**
	 * @param optedOutOfNudges whether they unsubscribed from reminders to book again
	 */
	record Export(String email, List<PlanView> messagePlans, boolean optedOutOfNudges) {
	}

	record PlanView(String bookingId, String name, String email, @Nullable String phone, boolean consentToSms,
			List<MessageView> messages) {
	}

	record MessageView(String step, String channel, String status, String dueAt, @Nullable String sentAt,
			@Nullable String reason) {

		static MessageView of(PlannedMessage message) {
			return new MessageView(message.step().name(), message.channel().name(), message.status().name(),
					message.dueAt().toString(), message.sentAt() == null ? null : message.sentAt().toString(),
					message.reason());
		}

	}

}

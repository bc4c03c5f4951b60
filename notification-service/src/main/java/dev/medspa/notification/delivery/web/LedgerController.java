package dev.medspa.notification.delivery.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import dev.medspa.notification.plan.BookingStatus;
import dev.medspa.notification.plan.Channel;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Step;
import dev.medspa.support.Refusal;
import dev.medspa.support.security.StaffClaims;
import dev.medspa.support.security.StaffRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was planned and sent for a booking, so staff can answer "why didn't I get the
 * message?". Times are in the location's zone.
 */
@RestController
@Tag(name = "Staff: notification ledger", description = "What was planned and sent for a booking")
class LedgerController {

	private final PlanStore plans;

	LedgerController(PlanStore plans) {
		this.plans = plans;
	}

	/**
	 * The plan of a place on a waitlist ({@code waitlist-<entry id>}) is found the same
	 * way; while it has no location (any location, no offer yet) only owners see it.
	 */
	@Operation(summary = "Read what was planned and sent for a booking",
			description = "For `booking` (a booking id, or `waitlist-<entry id>` for a place on the waitlist): the booking's "
					+ "status and version as last seen, the recipient, and every message (confirmation, reminders, "
					+ "aftercare) with its channel, status, due time, attempts, when it was sent and by which instance, "
					+ "and why it failed or was cancelled. Times are in the location's zone. 403 when the caller does not "
					+ "work at the booking's location (a waitlist place without a location: owners only).")
	@GetMapping("/api/staff/notifications")
	LedgerView ledger(@RequestParam String booking, Authentication caller) {
		if (booking.isBlank() || booking.length() > 100) {
			throw Refusal.invalid("booking", "must be a booking id");
		}
		Plan plan = this.plans.find(booking)
			.orElseThrow(() -> Refusal.notFound("Booking", "No messages are planned for booking " + booking));
		String location = plan.locationId();
		boolean allowed = (location != null) ? StaffClaims.worksAt(caller, location)
				: StaffClaims.hasRole(caller, StaffRole.OWNER);
		if (!allowed) {
			throw Refusal.forbidden("You do not work at the location of this booking");
		}
		ZoneId zone = plan.zone();
		List<MessageView> messages = plan.messages()
			.stream()
			.sorted(Comparator.comparing(PlannedMessage::dueAt).thenComparing(PlannedMessage::id))
			.map(message -> new MessageView(message.id(), message.step(), message.key(), message.channel(),
					message.status(), local(message.dueAt(), zone), message.attempts(), local(message.sentAt(), zone),
					local(message.retryAt(), zone), message.reason(),
					message.status() == MessageStatus.SENT ? message.leaseOwner() : null))
			.toList();
		return new LedgerView(plan.bookingId(), plan.status(), plan.bookingVersion(), plan.zoneId(),
				plan.client().email(), messages);
	}

	private static @Nullable OffsetDateTime local(@Nullable Instant instant, ZoneId zone) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}

	record LedgerView(String bookingId, BookingStatus bookingStatus, long bookingVersion, String zoneId,
			String recipient, List<MessageView> messages) {
	}

	/**
	 * @param reason why it was cancelled or failed, or the last error before a retry
	 * @param sentBy which instance of this service sent it
	 */
	record MessageView(String id, Step step, @Nullable String key, Channel channel, MessageStatus status,
			@Nullable OffsetDateTime dueAt, int attempts, @Nullable OffsetDateTime sentAt,
			@Nullable OffsetDateTime retryAt, @Nullable String reason, @Nullable String sentBy) {
	}

}

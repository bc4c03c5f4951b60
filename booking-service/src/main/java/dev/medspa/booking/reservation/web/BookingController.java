package dev.medspa.booking.reservation.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.intake.IntakeState;
import dev.medspa.booking.intake.IntakeStatuses;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.IdempotentBookings;
import dev.medspa.booking.reservation.NewBooking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import dev.medspa.support.security.StaffClaims;
import dev.medspa.support.security.StaffRole;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bookings", description = "Booking a treatment, and the life of a booking for staff")
class BookingController {

	private final BookingService bookings;

	private final IdempotentBookings idempotent;

	private final ClientLimits limits;

	private final IntakeStatuses intake;

	BookingController(BookingService bookings, IdempotentBookings idempotent, ClientLimits limits,
			IntakeStatuses intake) {
		this.intake = intake;
		this.limits = limits;
		this.bookings = bookings;
		this.idempotent = idempotent;
	}

	/**
	 * Books a treatment at a location; answers 201 with the confirmed booking and, once
	 * only, the client's link to manage it. With an {@code Idempotency-Key}, a repeated
	 * request answers the same booking (without the link, which is in the confirmation
	 * e-mail) and makes no second one.
	 */
	@Operation(summary = "Book a treatment",
			description = "Answers 201 with the confirmed booking and, this once, the client's manage link (also in the "
					+ "confirmation e-mail). Idempotent with an `Idempotency-Key` header (1 to 255 characters): the same "
					+ "key with the same request answers the same booking again, with `Idempotent-Replayed: true` and "
					+ "without the link, and books nothing more; the key with another request is 422 "
					+ "`idempotency-key-reused`, and while the first is still running 409 `request-in-progress`. Send "
					+ "`holdId` to take over a hold. Treatments whose rules read the client's past visits need "
					+ "`emailCode` (POST /api/email-codes): 422 `email-code-required` or `email-code-invalid`. 409 "
					+ "`slot-taken` when someone else got the start first; 429 when an address, e-mail or phone books "
					+ "too often. `usePackage: true` pays with a session of the client's prepaid package instead of "
					+ "a deposit (the e-mail code is then always asked for): 422 `no-package-credit` when the address "
					+ "has no paid package of the treatment with a session left.")
	@PostMapping("/api/bookings")
	ResponseEntity<BookingView.Created> book(
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@Valid @RequestBody BookingRequest request, HttpServletRequest http) {
		NewBooking asked = request.toNewBooking();
		this.limits.booking(http, asked.client().email(), asked.client().phone());
		if (idempotencyKey == null) {
			BookingService.Booked booked = this.bookings.book(asked);
			return created(booked.booking(), booked.manageToken(), false);
		}
		if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
			throw Refusal.invalid("Idempotency-Key", "must be 1 to 255 characters");
		}
		IdempotentBookings.Outcome outcome = this.idempotent.book(idempotencyKey, hash(request), asked);
		return created(outcome.booking(), outcome.manageToken(), outcome.replayed());
	}

	private static ResponseEntity<BookingView.Created> created(Booking booking, @Nullable String token,
			boolean replayed) {
		return ResponseEntity.created(URI.create("/api/staff/bookings/" + booking.id()))
			.header("Idempotent-Replayed", String.valueOf(replayed))
			.body(BookingView.created(booking, token));
	}

	/**
	 * A digest of the request as understood, so the same request sent with other spacing
	 * still matches; without the e-mail code, which proves who asks and is not part of
	 * what is asked.
	 */
	private static String hash(BookingRequest request) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(dev.medspa.support.messaging.EventJson.write(request.withoutCode())
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Staff book for a client; with {@code overrideReason} past the eligibility rules
	 * (consultation first, series spacing), and the reason is kept with the booking.
	 */
	@Operation(summary = "Book for a client, as staff",
			description = "Like a client's booking, without the e-mail code, at a location the caller works at (403 "
					+ "otherwise). With `overrideReason` (1 to 500 characters; managers and owners only) past the "
					+ "eligibility rules (consultation first, series spacing); the reason is kept with the booking.")
	@PostMapping("/api/staff/bookings")
	ResponseEntity<BookingView.Created> staffBook(@RequestParam(required = false) @Nullable String overrideReason,
			@Valid @RequestBody BookingRequest request, Authentication caller) {
		LocationScope.require(caller, String.valueOf(request.locationId()));
		if (overrideReason != null && !StaffClaims.hasRole(caller, StaffRole.MANAGER)
				&& !StaffClaims.hasRole(caller, StaffRole.OWNER)) {
			throw Refusal.forbidden("Only managers and owners may book past the eligibility rules");
		}
		if (overrideReason != null && (overrideReason.isBlank() || overrideReason.length() > 500)) {
			throw Refusal.invalid("overrideReason", "must be 1 to 500 characters");
		}
		NewBooking booking = overrideReason == null ? request.toNewBooking().asStaff()
				: request.toNewBooking().withOverride(overrideReason);
		BookingService.Booked booked = this.bookings.book(booking);
		return created(booked.booking(), booked.manageToken(), false);
	}

	/** One booking, for staff, with where its intake forms stand. */
	@Operation(summary = "Read one booking",
			description = "The booking with its status, times in its location's zone, practitioner, room and client, and "
					+ "`intakeStatus`: where its intake and consent forms stand (`DUE`, `COMPLETE`, `NEEDS_REVIEW`, "
					+ "`CLEARED` or `DECLINED`, as intake-service last told; null when it told nothing of the "
					+ "booking). 403 when the caller does not work at its location.")
	@GetMapping("/api/staff/bookings/{id}")
	StaffBookingView byId(@PathVariable String id, Authentication caller) {
		Booking booking = scoped(id, caller);
		return StaffBookingView.of(booking, this.intake.of(id).map(IntakeState::status).orElse(null));
	}

	/** Staff move a booking, whenever. */
	@Operation(summary = "Move a booking, as staff",
			description = "To `start` (with offset), optionally with another `practitionerId`, at any time, without the "
					+ "online cut-off that clients have. 409 `slot-taken` when the new start is not free, `not-movable` "
					+ "when the booking is over or cancelled.")
	@PostMapping("/api/staff/bookings/{id}/reschedule")
	BookingView reschedule(@PathVariable String id, @Valid @RequestBody Move move, Authentication caller) {
		scoped(id, caller);
		return BookingView.of(this.bookings.reschedule(id, required(move.start()), move.practitionerId(), false));
	}

	/** Staff cancel a booking, whenever, with a reason. */
	@Operation(summary = "Cancel a booking, as staff",
			description = "At any time, with a `reason` (kept in the audit log); the slot is free again. 409 "
					+ "`not-cancellable` when the booking is already over or cancelled.")
	@PostMapping("/api/staff/bookings/{id}/cancel")
	BookingView cancel(@PathVariable String id, @Valid @RequestBody StaffCancel cancel, Authentication caller) {
		scoped(id, caller);
		dev.medspa.support.audit.Audit.because(String.valueOf(cancel.reason()));
		return BookingView.of(this.bookings.cancel(id, false, cancel.reason()));
	}

	@Operation(summary = "Check the client in",
			description = "On the day of the booking, until it ends (409 `not-today` otherwise).")
	@PostMapping("/api/staff/bookings/{id}/check-in")
	BookingView checkIn(@PathVariable String id, Authentication caller) {
		scoped(id, caller);
		return BookingView.of(this.bookings.checkIn(id));
	}

	/**
	 * Records that the treatment was given; {@code endedAt} is when it really ended, now
	 * if absent.
	 */
	@Operation(summary = "Record that the treatment was given",
			description = "`endedAt` is when it really ended (now if absent); the aftercare messages are timed from it.")
	@PostMapping("/api/staff/bookings/{id}/complete")
	BookingView complete(@PathVariable String id, @RequestBody(required = false) @Nullable Completion completion,
			Authentication caller) {
		scoped(id, caller);
		return BookingView.of(this.bookings.complete(id, completion == null ? null : completion.endedAt()));
	}

	@Operation(summary = "Record that the client did not come",
			description = "Only after the booking's start (409 `not-started` before it).")
	@PostMapping("/api/staff/bookings/{id}/no-show")
	BookingView noShow(@PathVariable String id, Authentication caller) {
		scoped(id, caller);
		return BookingView.of(this.bookings.noShow(id));
	}

	/** The booking, if the caller works at its location. */
	private Booking scoped(String id, Authentication caller) {
		Booking booking = this.bookings.find(id)
			.orElseThrow(() -> Refusal.notFound("Booking", "No booking has the id " + id));
		LocationScope.require(caller, booking.locationId());
		return booking;
	}

	static OffsetDateTime required(@Nullable OffsetDateTime start) {
		if (start == null) {
			throw Refusal.invalid("start", "is required");
		}
		return start;
	}

	/**
	 * @param start the new start, with offset
	 * @param practitionerId optional: whom the client wants
	 */
	record Move(@NotNull @Nullable OffsetDateTime start, @Size(max = 100) @Nullable String practitionerId) {
	}

	record StaffCancel(@NotBlank @Size(max = 500) @Nullable String reason) {
	}

	record Completion(@Nullable Instant endedAt) {
	}

}

package dev.medspa.booking.reservation.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.reservation.BookingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holds keep a slot for a client during checkout, for a short while; book with the hold's
 * id to take it over.
 */
@RestController
@Tag(name = "Holds", description = "Keeping a slot during checkout")
class HoldController {

	private final BookingService bookings;

	private final ClientLimits limits;

	HoldController(BookingService bookings, ClientLimits limits) {
		this.bookings = bookings;
		this.limits = limits;
	}

	@Operation(summary = "Hold a start for a few minutes",
			description = "Keeps the slot (practitioner, room and devices) for this client while they fill in the booking "
					+ "form; answers 201 with the hold id and `expiresAt`. Book with `holdId` to take it over. 409 "
					+ "`slot-taken` when the start is no longer free, 429 when one address holds too often.")
	@PostMapping("/api/holds")
	ResponseEntity<HoldView> hold(@Valid @RequestBody HoldRequest request, HttpServletRequest http) {
		this.limits.hold(http);
		BookingService.HoldTaken hold = this.bookings.hold(java.util.Objects.requireNonNull(request.treatmentId()),
				java.util.Objects.requireNonNull(request.locationId()), BookingController.required(request.start()),
				request.practitionerId());
		return ResponseEntity.created(URI.create("/api/holds/" + hold.holdId()))
			.body(new HoldView(hold.holdId(), hold.claim().start().atZone(hold.zone()).toOffsetDateTime(),
					hold.claim().practitionerId(), hold.expiresAt()));
	}

	/** Lets a hold go before it expires. */
	@Operation(summary = "Release a hold before it expires",
			description = "Frees the slot at once and answers 204; releasing a hold that has expired or was already "
					+ "released answers 204 too and changes nothing. A hold left alone frees itself at `expiresAt`.")
	@DeleteMapping("/api/holds/{holdId}")
	ResponseEntity<Void> release(@PathVariable String holdId) {
		this.bookings.releaseHold(holdId);
		return ResponseEntity.noContent().build();
	}

	record HoldRequest(@NotBlank @Size(max = 100) @Nullable String treatmentId,
			@NotBlank @Size(max = 100) @Nullable String locationId, @NotNull @Nullable OffsetDateTime start,
			@Size(max = 100) @Nullable String practitionerId) {
	}

	/**
	 * @param expiresAt after this the slot is free again unless booked
	 */
	record HoldView(String holdId, OffsetDateTime start, String practitionerId, Instant expiresAt) {
	}

}

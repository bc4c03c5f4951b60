package dev.medspa.booking.waitlist.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.medspa.booking.waitlist.EntryStatus;
import dev.medspa.booking.waitlist.OfferStatus;
import dev.medspa.booking.waitlist.PartOfDay;
import dev.medspa.booking.waitlist.Round;
import dev.medspa.booking.waitlist.Waitlist;
import dev.medspa.booking.waitlist.WaitlistEntry;
import dev.medspa.booking.waitlist.WaitlistSettings;
import dev.medspa.support.Refusal;
import dev.medspa.support.security.StaffClaims;
import dev.medspa.support.security.StaffRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The waitlist for staff of a location: who waits, in line, for what, and what became of
 * each offer; managers and owners choose how the location offers its freed slots.
 */
@RestController
@Tag(name = "Staff: waitlist", description = "The waitlist of a location, for its staff")
class StaffWaitlistController {

	private final Waitlist waitlist;

	private final dev.medspa.booking.waitlist.Offers offers;

	StaffWaitlistController(Waitlist waitlist, dev.medspa.booking.waitlist.Offers offers) {
		this.waitlist = waitlist;
		this.offers = offers;
	}

	/**
	 * Staff offer a time to one waiter by hand: held and sent like any offer; 409
	 * {@code cannot-offer} when the time is not free, {@code not-waiting} when the place
	 * is over or already has an offer open.
	 */
	@Operation(summary = "Offer a time to one waiter by hand",
			description = "Holds `start` at `locationId` for the place `entryId` and sends the offer like any other; answers "
					+ "202. 409 `cannot-offer` when the time is not free, `not-waiting` when the place is over or already "
					+ "has an offer open. 403 when the caller does not work at the location.")
	@org.springframework.web.bind.annotation.PostMapping("/api/staff/waitlist/offers")
	org.springframework.http.ResponseEntity<Void> offerByHand(@Valid @RequestBody HandOffer request,
			Authentication caller) {
		String locationId = java.util.Objects.requireNonNull(request.locationId());
		requireWorksAt(caller, locationId);
		this.offers.offerByHand(java.util.Objects.requireNonNull(request.entryId()), locationId,
				java.util.Objects.requireNonNull(request.start()).toInstant());
		return org.springframework.http.ResponseEntity.accepted().build();
	}

	record HandOffer(@jakarta.validation.constraints.NotBlank @Nullable String entryId,
			@jakarta.validation.constraints.NotBlank @Nullable String locationId,
			@NotNull @Nullable OffsetDateTime start) {
	}

	@Operation(summary = "List who waits at a location",
			description = "The places waiting at `locationId` (optionally for one `treatmentId`), in line, each with the "
					+ "client's contact, their wishes and what became of every offer made to them.")
	@GetMapping("/api/staff/waitlist")
	List<Waiter> waiters(@RequestParam String locationId, @RequestParam(required = false) @Nullable String treatmentId,
			Authentication caller) {
		requireWorksAt(caller, locationId);
		return this.waitlist.at(locationId, treatmentId)
			.stream()
			.map(entry -> Waiter.of(entry,
					this.waitlist.offersOf(entry)
						.stream()
						.map(offer -> OfferFate.of(offer, this.waitlist.roundOf(offer.id()).orElseThrow()))
						.toList()))
			.toList();
	}

	/**
	 * How many freed slots the waitlist refilled, per month (the last {@code months}),
	 * and the median time from freeing to booking; for the location's managers and
	 * owners.
	 */
	@Operation(summary = "Read how well the waitlist refills freed slots",
			description = "Per month, the last `months` (1 to 24, default 6): slots freed, slots the waitlist refilled and "
					+ "the median minutes from freeing to booking. Only managers and owners get them (403 for front "
					+ "desk).")
	@GetMapping("/api/staff/waitlist/refills")
	List<Refills> refills(@RequestParam String locationId, @RequestParam(defaultValue = "6") int months,
			Authentication caller) {
		requireWorksAt(caller, locationId);
		if (!StaffClaims.hasRole(caller, StaffRole.MANAGER) && !StaffClaims.hasRole(caller, StaffRole.OWNER)) {
			throw Refusal.forbidden("The refill figures are for managers and owners");
		}
		if (months < 1 || months > 24) {
			throw Refusal.invalid("months", "must be 1 to 24");
		}
		return this.waitlist.refills(locationId, months)
			.stream()
			.map(month -> new Refills(month.month(), month.freedSlots(), month.refilledSlots(), month.medianMinutes()))
			.toList();
	}

	record Refills(String month, int freed, int refilled, @Nullable Long medianMinutesToRefill) {
	}

	@Operation(summary = "Read how a location offers its freed slots",
			description = "The `mode`: `FIRST_IN_LINE` (each freed slot is offered to one waiter at a time, in line) or "
					+ "`SEVERAL_AT_ONCE` (to `several` waiters at once; the first to claim it books it).")
	@GetMapping("/api/staff/waitlist/settings/{locationId}")
	WaitlistSettings settings(@PathVariable String locationId, Authentication caller) {
		requireWorksAt(caller, locationId);
		return this.waitlist.settings(locationId);
	}

	/**
	 * Managers (of the location) and owners only: the route says so, and so does this.
	 */
	@Operation(summary = "Change how a location offers its freed slots",
			description = "Sets `mode` and `several` (1 to 10, default 3) for the location; answers the new settings. The "
					+ "caller must also work at the location.")
	@PutMapping("/api/staff/waitlist/settings/{locationId}")
	WaitlistSettings change(@PathVariable String locationId, @Valid @RequestBody SettingsRequest request,
			Authentication caller) {
		requireWorksAt(caller, locationId);
		return this.waitlist.change(new WaitlistSettings(locationId, java.util.Objects.requireNonNull(request.mode()),
				request.several() == null ? 3 : request.several()));
	}

	record SettingsRequest(@NotNull WaitlistSettings.@Nullable Mode mode, @Min(1) @Max(10) @Nullable Integer several) {
	}

	private static void requireWorksAt(Authentication caller, String locationId) {
		if (!StaffClaims.worksAt(caller, locationId)) {
			throw Refusal.forbidden("You do not work at " + locationId);
		}
	}

	/** A waiter as staff see them. */
	record Waiter(String id, String treatmentId, @Nullable String locationId, LocalDate from, LocalDate to,
			List<PartOfDay> partsOfDay, List<DayOfWeek> weekdays, EntryStatus status, Instant joinedAt, Contact client,
			List<OfferFate> offers) {

		static Waiter of(WaitlistEntry entry, List<OfferFate> offers) {
			return new Waiter(entry.id(), entry.treatmentId(), entry.locationId(), entry.from(), entry.to(),
					entry.partsOfDay().stream().sorted().toList(), entry.weekdays().stream().sorted().toList(),
					entry.status(), entry.joinedAt(),
					new Contact(entry.client().name(), entry.client().email(), entry.client().phone()), offers);
		}

	}

	record Contact(String name, String email, String phone) {
	}

	/** An offer's slot and fate, times in the location's zone. */
	record OfferFate(String offerId, OfferStatus status, OffsetDateTime start, OffsetDateTime offeredAt,
			OffsetDateTime expiresAt, @Nullable OffsetDateTime endedAt) {

		static OfferFate of(Round.Offer offer, Round round) {
			ZoneId zone = ZoneId.of(round.zoneId());
			return new OfferFate(offer.id(), offer.status(), round.start().atZone(zone).toOffsetDateTime(),
					offer.offeredAt().atZone(zone).toOffsetDateTime(),
					offer.expiresAt().atZone(zone).toOffsetDateTime(),
					offer.endedAt() == null ? null : offer.endedAt().atZone(zone).toOffsetDateTime());
		}

	}

}

package dev.medspa.booking.waitlist.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.Client;
import dev.medspa.booking.reservation.web.BookingView;
import dev.medspa.booking.reservation.web.PolicyConsent;
import dev.medspa.booking.reservation.web.ClientLimits;
import dev.medspa.booking.reservation.web.ContactRequest;
import dev.medspa.booking.waitlist.EntryStatus;
import dev.medspa.booking.waitlist.OfferStatus;
import dev.medspa.booking.waitlist.Offers;
import dev.medspa.booking.waitlist.PartOfDay;
import dev.medspa.booking.waitlist.Round;
import dev.medspa.booking.waitlist.Waitlist;
import dev.medspa.booking.waitlist.WaitlistEntry;
import dev.medspa.support.Refusal;
import dev.medspa.support.links.ManageLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The waitlist for clients, who have no account: joining answers the waiter's key once
 * (it is e-mailed too); the key opens the place to see or leave it, and an offer's key
 * (only in the offer's messages) books the held slot in one request.
 */
@RestController
@Tag(name = "Waitlist", description = "Waiting for a time that suits, for clients without an account")
class WaitlistController {

	private final Waitlist waitlist;

	private final Offers offers;

	private final ClientLimits limits;

	private final ManageLinks links;

	WaitlistController(Waitlist waitlist, Offers offers, ClientLimits limits, ManageLinks links) {
		this.waitlist = waitlist;
		this.offers = offers;
		this.limits = limits;
		this.links = links;
	}

	/**
	 * @param locationId absent for any location that offers the treatment
	 * @param partsOfDay empty or absent for any time of day
	 * @param weekdays empty or absent for any day of the week
	 */
	record JoinRequest(@NotBlank @Size(max = 100) @Nullable String treatmentId,
			@Size(min = 1, max = 100) @Nullable String locationId, @NotNull @Nullable LocalDate from,
			@NotNull @Nullable LocalDate to, @Size(max = 3) @Nullable Set<PartOfDay> partsOfDay,
			@Size(max = 7) @Nullable Set<DayOfWeek> weekdays, @NotNull @Valid @Nullable ContactRequest client) {
	}

	@Operation(summary = "Join the waitlist for a treatment",
			description = "Wait for a start of `treatmentId` between the local days `from` and `to`, at `locationId` (or any "
					+ "location that offers it), optionally only in some `partsOfDay` and on some `weekdays`. Answers 201 "
					+ "with the place and, this once, its key and link (also e-mailed); offers of freed slots then come "
					+ "by e-mail or SMS. 429 when an address, e-mail or phone asks too often.")
	@PostMapping("/api/waitlist")
	ResponseEntity<EntryView> join(@Valid @RequestBody JoinRequest request, HttpServletRequest http) {
		Client client = java.util.Objects.requireNonNull(request.client()).toClient();
		this.limits.booking(http, client.email(), client.phone());
		Waitlist.Joined joined = this.waitlist
			.join(new Waitlist.Wish(java.util.Objects.requireNonNull(request.treatmentId()), request.locationId(),
					java.util.Objects.requireNonNull(request.from()), java.util.Objects.requireNonNull(request.to()),
					request.partsOfDay() == null ? Set.of() : request.partsOfDay(),
					request.weekdays() == null ? Set.of() : request.weekdays(), client));
		return ResponseEntity.created(URI.create("/api/waitlist/" + joined.token()))
			.body(EntryView.of(joined.entry(), null, new Link(joined.token(), "/api/waitlist/" + joined.token())));
	}

	@Operation(summary = "Show a place on the waitlist",
			description = "The place the key opens, with its wishes, its status and the offer open for it, if any (with the "
					+ "offer's own key). A wrong key answers 404 and nothing more; too many misses from one address "
					+ "answer 429 for a while.")
	@GetMapping("/api/waitlist/{token}")
	EntryView place(@PathVariable String token, HttpServletRequest http) {
		WaitlistEntry entry = entry(token, http);
		return EntryView.of(entry,
				this.waitlist.openOffer(entry)
					.map(offer -> OpenOffer.of(offer, entry, this.waitlist, this.links))
					.orElse(null),
				null);
	}

	@Operation(summary = "Leave the waitlist",
			description = "Gives up the place the key opens; answers 204. No more offers are made to it.")
	@DeleteMapping("/api/waitlist/{token}")
	ResponseEntity<Void> leave(@PathVariable String token, HttpServletRequest http) {
		this.waitlist.leave(entry(token, http));
		return ResponseEntity.noContent().build();
	}

	/** The waiter comes back to a place paused after offers ran out unanswered. */
	@Operation(summary = "Come back to a paused place",
			description = "A place is paused after offers ran out unanswered; this makes it wait for offers again. Answers "
					+ "the place.")
	@PostMapping("/api/waitlist/{token}/resume")
	EntryView resume(@PathVariable String token, HttpServletRequest http) {
		return EntryView.of(this.waitlist.resume(entry(token, http)), null, null);
	}

	@Operation(summary = "Show an offer of a freed slot",
			description = "The offered start and end in the location's zone, until when the offer holds, and its status; "
					+ "`bookingId` once it was claimed. The key comes only in the offer's messages; a wrong one answers "
					+ "404.")
	@GetMapping("/api/waitlist/offers/{token}")
	OfferView offer(@PathVariable String token, HttpServletRequest http) {
		String offerId = offerId(token, http);
		Round round = this.waitlist.roundOf(offerId).orElseThrow(WaitlistController::noOffer);
		return OfferView.of(round, round.offer(offerId).orElseThrow(WaitlistController::noOffer));
	}

	/**
	 * Books the offered slot for the waiter: 201 with the booking and its manage link;
	 * the same again for a second click; 409 {@code offer-taken} or {@code offer-expired}
	 * when it cannot be had.
	 */
	@Operation(summary = "Book the offered slot",
			description = "Books the held slot for the waiter in one request and answers 201 with the booking and its "
					+ "manage link. Safe to repeat: a second claim of the same offer answers the same booking. 409 "
					+ "`offer-taken` when someone else booked the time first, `offer-expired` when the offer ran out; "
					+ "the place stays on the waitlist in both cases. Where the treatment has a cancellation policy, the "
					+ "body carries `policyAcceptance` and `paymentMethod` as a booking does (422 `policy-not-accepted`, "
					+ "`payment-declined`).")
	@PostMapping("/api/waitlist/offers/{token}/claim")
	ResponseEntity<BookingView.Created> claim(@PathVariable String token,
			@RequestBody(required = false) @Valid @Nullable PolicyConsent consent, HttpServletRequest http) {
		BookingService.Booked booked = consent == null ? this.offers.claim(offerId(token, http))
				: this.offers.claim(offerId(token, http), consent.acceptedVersion(), consent.paymentMethod());
		return ResponseEntity.created(URI.create("/api/staff/bookings/" + booked.booking().id()))
			.body(BookingView.created(booked.booking(), booked.manageToken()));
	}

	private WaitlistEntry entry(String token, HttpServletRequest http) {
		return this.waitlist.byToken(token).orElseThrow(() -> {
			this.limits.manageMiss(http);
			return Refusal.notFound("Waitlist place", "This link opens no place on the waitlist");
		});
	}

	private String offerId(String token, HttpServletRequest http) {
		return this.links.offerId(token).orElseThrow(() -> {
			this.limits.manageMiss(http);
			return noOffer();
		});
	}

	private static Refusal noOffer() {
		return Refusal.notFound("Offer", "This link opens no offer");
	}

	record Link(String token, String url) {
	}

	/** A place as its waiter sees it. */
	record EntryView(String id, String treatmentId, @Nullable String locationId, LocalDate from, LocalDate to,
			List<PartOfDay> partsOfDay, List<DayOfWeek> weekdays, EntryStatus status, Instant joinedAt,
			@Nullable OpenOffer offer, @Nullable Link link) {

		static EntryView of(WaitlistEntry entry, @Nullable OpenOffer offer, @Nullable Link link) {
			return new EntryView(entry.id(), entry.treatmentId(), entry.locationId(), entry.from(), entry.to(),
					entry.partsOfDay().stream().sorted().toList(), entry.weekdays().stream().sorted().toList(),
					entry.status(), entry.joinedAt(), offer, link);
		}

	}

	/** The offer open for a place, with its key (the place's key is as secret). */
	record OpenOffer(String token, OfferStatus status, OffsetDateTime start, OffsetDateTime end,
			OffsetDateTime expiresAt, String locationId, String zoneId) {

		static OpenOffer of(Round.Offer offer, WaitlistEntry entry, Waitlist waitlist, ManageLinks links) {
			Round round = waitlist.roundOf(offer.id()).orElseThrow(WaitlistController::noOffer);
			ZoneId zone = ZoneId.of(round.zoneId());
			return new OpenOffer(links.offerToken(offer.id()), offer.status(),
					round.start().atZone(zone).toOffsetDateTime(), round.end().atZone(zone).toOffsetDateTime(),
					offer.expiresAt().atZone(zone).toOffsetDateTime(), round.locationId(), round.zoneId());
		}

	}

	/** An offer as its page shows it, times in the location's zone. */
	record OfferView(String offerId, OfferStatus status, String treatmentId, String locationId, String zoneId,
			OffsetDateTime start, OffsetDateTime end, OffsetDateTime expiresAt, @Nullable String bookingId) {

		static OfferView of(Round round, Round.Offer offer) {
			ZoneId zone = ZoneId.of(round.zoneId());
			return new OfferView(offer.id(), offer.status(), round.treatmentId(), round.locationId(), round.zoneId(),
					round.start().atZone(zone).toOffsetDateTime(), round.end().atZone(zone).toOffsetDateTime(),
					offer.expiresAt().atZone(zone).toOffsetDateTime(), offer.bookingId());
		}

	}

}

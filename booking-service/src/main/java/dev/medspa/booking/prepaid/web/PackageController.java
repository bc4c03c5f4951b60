package dev.medspa.booking.prepaid.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.prepaid.ClientPackage;
import dev.medspa.booking.prepaid.PackageOffer;
import dev.medspa.booking.prepaid.Packages;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.Client;
import dev.medspa.booking.reservation.EmailProof;
import dev.medspa.booking.reservation.web.ClientLimits;
import dev.medspa.booking.reservation.web.ContactRequest;
import dev.medspa.booking.reservation.web.PolicyConsent;
import dev.medspa.support.Refusal;
import dev.medspa.support.audit.Audit;
import dev.medspa.support.security.StaffClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Packages", description = "Prepaid packages of sessions: offers, purchases and their credits")
class PackageController {

	private final Packages packages;

	private final BookingService bookings;

	private final EmailProof emailProof;

	private final ClientLimits limits;

	PackageController(Packages packages, BookingService bookings, EmailProof emailProof, ClientLimits limits) {
		this.packages = packages;
		this.bookings = bookings;
		this.emailProof = emailProof;
		this.limits = limits;
	}

	@Operation(summary = "List the packages on sale",
			description = "Public: each offer's treatment, number of sessions and price (minor units of the "
					+ "treatment's currency). `treatmentId` narrows the list to one treatment.")
	@GetMapping("/api/packages/offers")
	List<OfferView> offers(@RequestParam(required = false) @Nullable String treatmentId) {
		return this.packages.offers(treatmentId).stream().map(OfferView::of).toList();
	}

	@Operation(summary = "Buy a package",
			description = "Public, with the code e-mailed to the buyer (POST /api/email-codes): a package's sessions "
					+ "belong to an address, so the buyer shows it is theirs (422 `email-code-required` or "
					+ "`email-code-invalid`). The price is charged at once to `paymentMethod`, the provider's token "
					+ "(never a card number): 422 `payment-declined` buys nothing; 503 `payment-unavailable` has "
					+ "bought nothing yet, and sending the same `purchaseId` again finishes it without a second "
					+ "charge. `purchaseId` (a UUID chosen once per purchase) makes a repeated request the same "
					+ "purchase; 409 `purchase-id-taken` when another purchase has it. 429 when an address buys too "
					+ "often.")
	@PostMapping("/api/packages")
	@ResponseStatus(HttpStatus.CREATED)
	PackageView buy(@Valid @RequestBody PurchaseRequest request, HttpServletRequest http) {
		Client client = Objects.requireNonNull(request.client()).toClient();
		this.limits.booking(http, client.email(), client.phone());
		this.emailProof.require(client, request.emailCode());
		String id = request.purchaseId() != null ? request.purchaseId() : java.util.UUID.randomUUID().toString();
		ClientPackage bought = this.packages
			.buy(new Packages.Purchase(id, Objects.requireNonNull(request.offerId()), client.normalizedEmail(),
					client.name(), client.phone(), Objects.requireNonNull(request.paymentMethod())));
		return PackageView.of(bought, false, Map.of());
	}

	@Operation(summary = "The client's packages, through a booking's manage link",
			description = "Public: the key in the path is the client's credential, as for GET /api/manage/{token}. "
					+ "Answers the paid packages of the booking's e-mail address with the sessions left, and which "
					+ "package (if any) this booking uses a session of, and what became of it. A wrong or expired "
					+ "key answers 404.")
	@GetMapping("/api/manage/{token}/packages")
	ManagedPackages managed(@PathVariable String token, HttpServletRequest http) {
		Booking booking = this.bookings.byManageToken(token).orElseThrow(() -> {
			this.limits.manageMiss(http);
			return Refusal.notFound("Booking", "This link does not open a booking");
		});
		List<PackageView> paid = this.packages.ofClient(booking.client().normalizedEmail())
			.stream()
			.filter(bought -> bought.status() == ClientPackage.Status.PAID)
			.map(bought -> PackageView.of(bought, false, Map.of()))
			.toList();
		BookingCredit credit = this.packages.ofBooking(booking.id())
			.map(bought -> BookingCredit.of(bought, booking.id()))
			.orElse(null);
		return new ManagedPackages(paid, credit);
	}

	@Operation(summary = "A client's packages, for staff",
			description = "Any staff member: every package bought for the address (`email`), with its status, the "
					+ "sessions left and each booking's credit (held, used, returned or forfeited).")
	@GetMapping("/api/staff/packages")
	List<PackageView> ofClient(@RequestParam(required = false) @Nullable String email) {
		if (email == null || email.isBlank() || email.length() > 254) {
			throw Refusal.invalid("email", "is required: the client's e-mail address");
		}
		return this.packages.ofClient(Client.normalize(email))
			.stream()
			.map(bought -> PackageView.of(bought, true, starts(bought)))
			.toList();
	}

	@Operation(summary = "The package a booking is paid with",
			description = "Staff of the booking's location (403 otherwise): the package, its sessions left and what "
					+ "became of this booking's credit. 404 when the booking was not paid with a package.")
	@GetMapping("/api/staff/bookings/{id}/package")
	BookingPackage ofBooking(@PathVariable String id, Authentication caller) {
		scoped(id, caller);
		return this.packages.ofBooking(id)
			.map(bought -> BookingPackage.of(bought, id))
			.orElseThrow(() -> Refusal.notFound("Package", "Booking " + id + " was not paid with a package"));
	}

	@Operation(summary = "Give a forfeited session back",
			description = "Staff of the booking's location, with a `reason` (kept in the audit log and on the "
					+ "credit): a session forfeited by a late cancellation or a missed visit goes back to the package. "
					+ "409 `not-forfeited` while the session is still in use; giving back twice changes nothing.")
	@PostMapping("/api/staff/bookings/{id}/package/restore")
	BookingPackage restore(@PathVariable String id, @Valid @RequestBody Restore restore, Authentication caller) {
		scoped(id, caller);
		String reason = String.valueOf(restore.reason());
		Audit.because(reason);
		return BookingPackage.of(this.packages.restore(id, reason), id);
	}

	@Operation(summary = "Every package offer, also those no longer sold", description = "Any staff member.")
	@GetMapping("/api/staff/packages/offers")
	List<OfferView> allOffers() {
		return this.packages.allOffers().stream().map(OfferView::of).toList();
	}

	@Operation(summary = "Create or change a package offer",
			description = "Managers and owners: `treatmentId`, `name`, `sessions` (2 to 50), `price` for the whole "
					+ "package in minor units of the treatment's currency, and `active` (whether it is sold now). "
					+ "Packages bought before keep what they were bought with.")
	@PutMapping("/api/staff/packages/offers/{id}")
	OfferView putOffer(@PathVariable String id, @Valid @RequestBody OfferRequest request, Authentication caller) {
		return OfferView.of(this.packages.putOffer(id,
				new Packages.OfferChange(Objects.requireNonNull(request.treatmentId()),
						Objects.requireNonNull(request.name()), Objects.requireNonNull(request.sessions()),
						Objects.requireNonNull(request.price()), !Boolean.FALSE.equals(request.active())),
				caller.getName()));
	}

	/** Checks that the caller works where the booking is. */
	private void scoped(String id, Authentication caller) {
		String locationId = this.bookings.find(id)
			.map(Booking::locationId)
			.orElseThrow(() -> Refusal.notFound("Booking", "No booking has the id " + id));
		if (!StaffClaims.worksAt(caller, locationId)) {
			throw Refusal.forbidden("You do not work at " + locationId);
		}
	}

	/** The start of each booking that holds a credit of the package, as stored now. */
	private Map<String, Instant> starts(ClientPackage bought) {
		return bought.credits()
			.stream()
			.map(credit -> this.bookings.find(credit.bookingId()))
			.flatMap(java.util.Optional::stream)
			.collect(Collectors.toMap(Booking::id, Booking::start, (a, b) -> a));
	}

	/**
	 * @param purchaseId chosen once per purchase (a UUID), so that sending it again is
	 * the same purchase
	 */
	record PurchaseRequest(@NotBlank @Size(max = 63) @Nullable String offerId,
			@NotNull @Valid @Nullable ContactRequest client, @Size(max = 12) @Nullable String emailCode,
			@NotBlank @Size(max = 255) @Pattern(regexp = PolicyConsent.TOKEN) @Nullable String paymentMethod,
			@Size(min = 8, max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") @Nullable String purchaseId) {
	}

	record OfferRequest(@NotBlank @Size(max = 100) @Nullable String treatmentId,
			@NotBlank @Size(max = 120) @Pattern(regexp = "[^\\p{Cntrl}]*") @Nullable String name,
			@NotNull @Min(2) @Max(50) @Nullable Integer sessions, @NotNull @Min(1) @Nullable Long price,
			@Nullable Boolean active) {
	}

	record Restore(@NotBlank @Size(max = 500) @Nullable String reason) {
	}

	record OfferView(String id, String treatmentId, String name, int sessions, long price, String currency,
			boolean active) {

		static OfferView of(PackageOffer offer) {
			return new OfferView(offer.id(), offer.treatmentId(), offer.name(), offer.sessions(), offer.price(),
					offer.currency(), offer.active());
		}

	}

	/**
	 * @param start when the booking starts (or started), where it is still stored and the
	 * caller may see it
	 */
	record CreditView(String bookingId, ClientPackage.CreditState state, @Nullable Instant start, Instant heldAt,
			@Nullable Instant settledAt, @Nullable String note) {
	}

	/**
	 * A package; the buyer's name and address only for staff.
	 */
	record PackageView(String id, String offerId, String treatmentId, String name, int sessions, int remaining,
			long price, String currency, ClientPackage.Status status, Instant purchasedAt, @Nullable Instant paidAt,
			List<CreditView> credits, @Nullable String clientName, @Nullable String clientEmail) {

		static PackageView of(ClientPackage bought, boolean forStaff, Map<String, Instant> starts) {
			return new PackageView(bought.id(), bought.offerId(), bought.treatmentId(), bought.name(),
					bought.sessions(), bought.remaining(), bought.price(), bought.currency(), bought.status(),
					bought.createdAt(), bought.paidAt(),
					bought.credits()
						.stream()
						.map(credit -> new CreditView(credit.bookingId(), credit.state(),
								forStaff ? starts.get(credit.bookingId()) : null, credit.heldAt(), credit.settledAt(),
								forStaff ? credit.note() : null))
						.toList(),
					forStaff ? bought.clientName() : null, forStaff ? bought.clientEmail() : null);
		}

	}

	/** Which package a booking uses a session of, and what became of it. */
	record BookingCredit(String packageId, String name, ClientPackage.CreditState state) {

		static BookingCredit of(ClientPackage bought, String bookingId) {
			return new BookingCredit(bought.id(), bought.name(), bought.credit(bookingId).orElseThrow().state());
		}

	}

	/**
	 * @param thisBooking the package this booking uses a session of, if any
	 */
	record ManagedPackages(List<PackageView> packages, @Nullable BookingCredit thisBooking) {
	}

	/**
	 * @param lateCancelWindow the window the booking was made under, if a policy applied
	 */
	record BookingPackage(String packageId, String name, int sessions, int remaining, ClientPackage.CreditState state,
			@Nullable Duration lateCancelWindow, boolean forfeitLate, boolean forfeitNoShow, @Nullable String note) {

		static BookingPackage of(ClientPackage bought, String bookingId) {
			ClientPackage.Credit credit = bought.credit(bookingId).orElseThrow();
			return new BookingPackage(bought.id(), bought.name(), bought.sessions(), bought.remaining(), credit.state(),
					credit.lateCancelWindow(), credit.forfeitLate(), credit.forfeitNoShow(), credit.note());
		}

	}

}

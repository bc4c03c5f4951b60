package dev.medspa.booking.reservation;

import java.time.OffsetDateTime;

import dev.medspa.events.booking.BookingConfirmed;
import org.jspecify.annotations.Nullable;

/**
 * A client's request for a booking, already well formed.
 *
 * @param start when the client arrives, with the offset they were shown
 * @param practitionerId the practitioner the client chose, or null for whoever is free
 * @param holdId a hold taken for this start, which the booking takes over
 * @param eligibilityOverride staff's reason to book past the eligibility rules; never
 * from a client
 * @param byStaff staff book it: they may see the client's history, so no proof of the
 * e-mail address is needed
 * @param emailCode from a client: the code sent to their address (see
 * {@link dev.medspa.support.links.EmailCodes}), needed where the rules read the history
 * @param emailProven the client followed a link only their e-mail carried (a waitlist
 * offer), which proves the address as a code does
 * @param series the course this booking is a session of, when booked in one go
 * @param acceptedPolicyVersion the version of the treatment's cancellation policy the
 * client accepted, needed where there is a policy
 * @param paymentMethod the payment provider's token of the client's card, needed where
 * the policy asks for a deposit or a card on file
 * @param usePackage a session of the client's prepaid package for the treatment pays for
 * it instead of a deposit: no card is needed then, though the policy must still be
 * accepted, since it decides whether a late cancellation or a missed visit forfeits the
 * session
 */
public record NewBooking(String treatmentId, String locationId, OffsetDateTime start, Client client,
		@Nullable String practitionerId, @Nullable String holdId, @Nullable String eligibilityOverride, boolean byStaff,
		@Nullable String emailCode, boolean emailProven, BookingConfirmed.@Nullable SeriesSession series,
		@Nullable Integer acceptedPolicyVersion, @Nullable String paymentMethod, boolean usePackage) {

	/**
	 * The same request with the client's acceptance of the policy and their card token.
	 */
	public NewBooking withPolicy(@Nullable Integer acceptedVersion, @Nullable String paymentMethodToken) {
		return new NewBooking(this.treatmentId, this.locationId, this.start, this.client, this.practitionerId,
				this.holdId, this.eligibilityOverride, this.byStaff, this.emailCode, this.emailProven, this.series,
				acceptedVersion, paymentMethodToken, this.usePackage);
	}

	/** A client's request, with the code they were sent if they gave one. */
	public static NewBooking byClient(String treatmentId, String locationId, OffsetDateTime start, Client client,
			@Nullable String practitionerId, @Nullable String holdId, @Nullable String emailCode) {
		return new NewBooking(treatmentId, locationId, start, client, practitionerId, holdId, null, false, emailCode,
				false, null, null, null, false);
	}

	/**
	 * A waiter's claim of the slot an offer holds for them, through the link e-mailed to
	 * them.
	 */
	public static NewBooking fromOffer(String treatmentId, String locationId, OffsetDateTime start, Client client,
			String holdId) {
		return new NewBooking(treatmentId, locationId, start, client, null, holdId, null, false, null, true, null, null,
				null, false);
	}

	/**
	 * One session of a series whose client proved their address once for the whole series
	 * (or staff book it).
	 */
	public static NewBooking seriesSession(String treatmentId, String locationId, OffsetDateTime start, Client client,
			String holdId, boolean byStaff, BookingConfirmed.SeriesSession series) {
		return new NewBooking(treatmentId, locationId, start, client, null, holdId, null, byStaff, null, true, series,
				null, null, false);
	}

	/** The same request, made by staff. */
	public NewBooking asStaff() {
		return new NewBooking(this.treatmentId, this.locationId, this.start, this.client, this.practitionerId,
				this.holdId, this.eligibilityOverride, true, null, false, null, this.acceptedPolicyVersion,
				this.paymentMethod, this.usePackage);
	}

	/**
	 * The same request, booked by staff past the eligibility rules for the given reason.
	 */
	public NewBooking withOverride(String reason) {
		return new NewBooking(this.treatmentId, this.locationId, this.start, this.client, this.practitionerId,
				this.holdId, reason, true, null, false, null, this.acceptedPolicyVersion, this.paymentMethod,
				this.usePackage);
	}

	/** The same request, paid with a session of the client's prepaid package, or not. */
	public NewBooking payingWithPackage(boolean use) {
		return new NewBooking(this.treatmentId, this.locationId, this.start, this.client, this.practitionerId,
				this.holdId, this.eligibilityOverride, this.byStaff, this.emailCode, this.emailProven, this.series,
				this.acceptedPolicyVersion, this.paymentMethod, use);
	}

}

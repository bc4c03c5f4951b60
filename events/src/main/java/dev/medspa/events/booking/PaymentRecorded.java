package dev.medspa.events.booking;

import java.time.Instant;

import dev.medspa.events.BookingId;
import org.jspecify.annotations.Nullable;

/**
 * Money moved for a booking under the cancellation policy it accepted, or an attempt to
 * move it settled without success. Travels on the booking topic, keyed by booking id, in
 * order with the booking's life events; it does not change the booking, so it carries no
 * booking version. It never carries card data: the provider's reference only.
 *
 * @param movement what the money was for: {@code CARD} (a card kept on file, no money),
 * {@code DEPOSIT}, {@code LATE_CANCEL_FEE}, {@code NO_SHOW_FEE}, {@code DEPOSIT_REFUND},
 * {@code FEE_REFUND} or {@code WAIVER_DEPOSIT_REFUND}
 * @param amount in minor units of the currency (cents for USD)
 * @param currency ISO 4217
 * @param status {@code SUCCEEDED}, {@code FAILED} (declined: a declined deposit means the
 * booking was never made), {@code REQUIRES_ACTION} or {@code WAIVED} (a fee staff let go,
 * with the reason kept in booking-service)
 * @param providerReference the payment provider's id of the payment or refund, if any
 * @param declineCode the provider's reason for a decline
 * @param policyVersion the version of the policy the client accepted
 */
public record PaymentRecorded(BookingId bookingId, String movement, long amount, String currency, String status,
		@Nullable String providerReference, @Nullable String declineCode, int policyVersion, Instant recordedAt) {
}

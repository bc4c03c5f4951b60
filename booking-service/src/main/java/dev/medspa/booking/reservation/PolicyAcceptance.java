package dev.medspa.booking.reservation;

import java.time.Instant;

/**
 * The cancellation policy version a client accepted when booking, kept with the booking
 * as evidence; later versions of the policy do not change it.
 *
 * @param policyId the policy's id ({@code <treatment>@<location or *>})
 */
public record PolicyAcceptance(String policyId, int version, Instant acceptedAt) {
}

package dev.medspa.booking.reservation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * What a client sends where the treatment has a cancellation policy: the version they
 * were shown and accepted, and the payment provider's token of their card.
 *
 * @param policyAcceptance the policy version accepted (GET /api/policies)
 * @param paymentMethod the provider's token ({@code pm_...}), obtained in the browser;
 * never a card number
 */
public record PolicyConsent(@Valid @Nullable Acceptance policyAcceptance,
		@Size(max = 255) @Pattern(regexp = PolicyConsent.TOKEN) @Nullable String paymentMethod) {

	/** What a payment method token looks like. */
	public static final String TOKEN = "pm_[A-Za-z0-9_]+";

	/**
	 * @param version the policy version accepted
	 */
	public record Acceptance(@NotNull @Positive @Nullable Integer version) {
	}

	public @Nullable Integer acceptedVersion() {
		return this.policyAcceptance == null ? null : this.policyAcceptance.version();
	}

}

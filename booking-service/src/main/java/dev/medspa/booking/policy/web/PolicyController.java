package dev.medspa.booking.policy.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.medspa.booking.policy.CancellationPolicy;
import dev.medspa.booking.policy.Policies;
import dev.medspa.booking.policy.PolicyTerms;
import dev.medspa.support.Refusal;
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

@RestController
@Tag(name = "Cancellation policies",
		description = "Deposit, card on file, late-cancel window and fees, per treatment and per location, versioned")
class PolicyController {

	private final Policies policies;

	PolicyController(Policies policies) {
		this.policies = policies;
	}

	@Operation(summary = "The cancellation policy a client books under",
			description = "The version in force of the treatment's policy at the location (the location's own, else "
					+ "the treatment's): what the booking page shows and the client accepts, by sending its `version` "
					+ "as `policyAcceptance.version` with the booking. Amounts are integer minor units of `currency`. "
					+ "404 when the treatment has no policy there: nothing is asked.")
	@GetMapping("/api/policies")
	PolicyView effective(@RequestParam String treatment, @RequestParam String location) {
		CancellationPolicy policy = this.policies.effective(treatment, location)
			.orElseThrow(() -> Refusal.notFound("Cancellation policy",
					"No cancellation policy applies to " + treatment + " at " + location));
		return PolicyView.current(policy);
	}

	@Operation(summary = "Read a treatment's policy for every location, with its versions",
			description = "Any staff member. 404 when there is none.")
	@GetMapping("/api/staff/policies/{treatment}")
	PolicyHistory treatmentPolicy(@PathVariable String treatment) {
		return PolicyHistory.of(this.policies.byScope(treatment, null)
			.orElseThrow(() -> Refusal.notFound("Cancellation policy", "No policy for " + treatment)));
	}

	@Operation(summary = "Change a treatment's policy for every location",
			description = "Owners. Adds a new version (the old ones stay as bookings accepted them) and answers the "
					+ "policy with all its versions. `currency` defaults to the treatment's; fees need a deposit or "
					+ "`cardOnFile`.")
	@PutMapping("/api/staff/policies/{treatment}")
	PolicyHistory changeTreatmentPolicy(@PathVariable String treatment, @Valid @RequestBody PolicyRequest request,
			Authentication caller) {
		return PolicyHistory.of(this.policies.change(treatment, null, request.toChange(), caller.getName()));
	}

	@Operation(summary = "Read a location's own policy for a treatment, with its versions",
			description = "Managers of the location and owners. 404 when the location has none of its own (the "
					+ "treatment's applies).")
	@GetMapping("/api/staff/locations/{location}/policies/{treatment}")
	PolicyHistory locationPolicy(@PathVariable String location, @PathVariable String treatment) {
		return PolicyHistory.of(this.policies.byScope(treatment, location)
			.orElseThrow(
					() -> Refusal.notFound("Cancellation policy", "No policy of " + location + " for " + treatment)));
	}

	@Operation(summary = "Change a location's own policy for a treatment",
			description = "Managers of the location and owners. Overrides the treatment's policy at this location; "
					+ "each change is a new version.")
	@PutMapping("/api/staff/locations/{location}/policies/{treatment}")
	PolicyHistory changeLocationPolicy(@PathVariable String location, @PathVariable String treatment,
			@Valid @RequestBody PolicyRequest request, Authentication caller) {
		return PolicyHistory.of(this.policies.change(treatment, location, request.toChange(), caller.getName()));
	}

	/**
	 * A new version's terms.
	 *
	 * @param currency optional, the treatment's by default
	 * @param deposit minor units; 0 for none
	 * @param lateCancelWindow an ISO duration, for example {@code PT48H}
	 */
	record PolicyRequest(@Pattern(regexp = "[A-Z]{3}") @Nullable String currency,
			@NotNull @Min(0) @Max(10_000_000) @Nullable Long deposit, @NotNull @Nullable Boolean cardOnFile,
			@NotNull @Nullable Duration lateCancelWindow,
			@NotNull @Min(0) @Max(10_000_000) @Nullable Long lateCancelFee,
			@NotNull @Min(0) @Max(10_000_000) @Nullable Long noShowFee) {

		Policies.Change toChange() {
			return new Policies.Change(this.currency, required(this.deposit), Boolean.TRUE.equals(this.cardOnFile),
					java.util.Objects.requireNonNull(this.lateCancelWindow), required(this.lateCancelFee),
					required(this.noShowFee));
		}

		private static long required(@Nullable Long value) {
			return value == null ? 0 : value;
		}

	}

	/** The version in force, as a client sees it. */
	record PolicyView(String policyId, String treatmentId, @Nullable String locationId, int version,
			PolicyTerms terms) {

		static PolicyView current(CancellationPolicy policy) {
			return new PolicyView(policy.id(), policy.treatmentId(), policy.locationId(), policy.latest().number(),
					policy.latest().terms());
		}

	}

	/** A policy with every version, newest last. */
	record PolicyHistory(String policyId, String treatmentId, @Nullable String locationId, int current,
			List<VersionView> versions) {

		static PolicyHistory of(CancellationPolicy policy) {
			return new PolicyHistory(policy.id(), policy.treatmentId(), policy.locationId(), policy.current(), policy
				.versions()
				.stream()
				.map(version -> new VersionView(version.number(), version.terms(), version.createdAt(), version.by()))
				.toList());
		}

	}

	record VersionView(int number, PolicyTerms terms, Instant createdAt, String by) {
	}

}

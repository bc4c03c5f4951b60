package dev.medspa.gateway.pages;

import java.time.Instant;

import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.jspecify.annotations.Nullable;

/**
 * The cancellation policy on the pages that book without the calendar's checkout (a whole
 * course, a waitlist offer): the terms to show and accept, and where a refusal under the
 * policy is said.
 */
final class PolicyRefusals {

	private PolicyRefusals() {
	}

	/**
	 * The terms of the treatment's policy at the location for a booking at {@code start},
	 * or null when none applies or it cannot be read just now (then booking-service's
	 * refusal says so).
	 */
	static @Nullable CancellationTerms terms(Services services, String treatment, String location, Instant start,
			Instant now) {
		try {
			return services.policy(treatment, location)
				.map(policy -> CancellationTerms.of(policy, start, now))
				.orElse(null);
		}
		catch (ServiceProblem | org.springframework.web.client.ResourceAccessException ex) {
			return null;
		}
	}

	/**
	 * The field a refusal under the policy belongs to ({@code policyAcceptance} or
	 * {@code paymentMethod}), or null for any other refusal.
	 */
	static @Nullable String field(ServiceProblem problem) {
		if (problem.is("policy-not-accepted")) {
			return "policyAcceptance";
		}
		if (problem.is("payment-method-required") || problem.is("payment-declined")
				|| problem.is("payment-unavailable")) {
			return "paymentMethod";
		}
		return null;
	}

	/**
	 * Says a refusal under the policy next to its field, on a page that books a whole
	 * course (nothing of which was booked).
	 * @return false when the refusal is not one under the policy, and nothing was said
	 */
	static boolean sayForCourse(ServiceProblem problem, ClientForm form, org.springframework.ui.Model model) {
		String field = field(problem);
		if (field == null) {
			return false;
		}
		model.addAttribute("codeAsked", !form.getEmailCode().isBlank());
		model.addAttribute("fieldErrors",
				java.util.Map.of(field,
						message(problem, form)
								+ (field.equals("paymentMethod") && !problem.is("payment-method-required")
										? " No session is booked." : "")));
		return true;
	}

	/**
	 * The terms for a course whose first session is the first of these, at the day and
	 * time the form has (now when they cannot be read).
	 */
	static @Nullable CancellationTerms forCourse(Services services, String treatment, String location,
			java.util.List<SeriesPlan.Session> sessions, String zone, java.time.Clock clock) {
		Instant first;
		try {
			first = java.time.LocalDateTime
				.of(java.time.LocalDate.parse(sessions.get(0).date()),
						java.time.LocalTime.parse(sessions.get(0).time()))
				.atZone(java.time.ZoneId.of(zone))
				.toInstant();
		}
		catch (RuntimeException unreadable) {
			first = clock.instant();
		}
		return terms(services, treatment, location, first, clock.instant());
	}

	/** What to say next to the field. */
	static String message(ServiceProblem problem, ClientForm form) {
		if (problem.is("policy-not-accepted")) {
			String accepted = form.getAcceptedPolicy().strip();
			if (!accepted.isEmpty() && !accepted.equals(String.valueOf(problem.property("currentVersion")))) {
				form.setAcceptedPolicy("");
				return "The policy changed while this page was open. Please read it again and accept it.";
			}
			return "Please read the cancellation policy and tick \"I accept this policy\" to book.";
		}
		if (problem.is("payment-method-required")) {
			return "Please choose a card: this treatment's cancellation policy asks for one.";
		}
		return Problems.explain(problem).message();
	}

}

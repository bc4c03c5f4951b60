package dev.medspa.gateway.pages;

import dev.medspa.gateway.services.ServiceProblem;

/**
 * A service's refusal in plain words, with the way forward; never a stack trace and never
 * another person's details.
 */
final class Problems {

	private Problems() {
	}

	static Explanation explain(ServiceProblem problem) {
		String message = switch (problem.code()) {
			case "slot-taken", "busy" -> "Someone has just taken this time. Please pick another one.";
			case "hold-expired", "unknown-hold", "hold-mismatch" ->
				"We could not keep this time for you any longer. Please pick a time again.";
			case "not-available", "outside-booking-window", "start-in-past", "off-grid", "location-closed" ->
				"This time is no longer free. Please pick another one.";
			case "consultation-required" ->
				"This treatment starts with a consultation, so that your practitioner can check it suits your skin. "
						+ "Please book the consultation first.";
			case "series-spacing" ->
				"This is too soon after your previous session: the skin needs time to heal between sessions. "
						+ "Please pick a later date, or call us.";
			case "email-code-required", "email-code-invalid" -> "Please enter the code we sent to your e-mail address.";
			case "mail-unavailable" -> "We cannot send e-mail just now. Please try again in a minute.";
			case "too-late" -> "Online changes have closed for this appointment. Please call the clinic.";
			case "not-cancellable", "not-movable", "wrong-status" -> "This appointment can no longer be changed.";
			case "treatment-not-offered", "treatment-retired", "unknown-treatment", "unknown-location" ->
				"This treatment is not offered here any more.";
			case "policy-not-accepted" -> "This treatment has a cancellation policy that must be accepted first. "
					+ "Please book it through the booking pages, or call the clinic.";
			case "payment-method-required" -> "This treatment's cancellation policy asks for a card, which cannot be "
					+ "given here. Please book it through the booking pages, or call the clinic.";
			case "payment-declined" ->
				"Sorry, the card was declined, so nothing was charged and nothing was booked. Please try another card.";
			case "payment-unavailable" -> "We cannot reach the card payment service just now. Nothing was charged "
					+ "and nothing was booked; please try again in a minute.";
			case "request-in-progress" -> "We are still booking this. Please wait a moment and reload the page.";
			case "offer-expired" -> "This offer ran out before it was booked, so the time has gone back to the "
					+ "clinic. You are still on the waitlist, and we will write to you when another time frees up.";
			case "offer-taken" -> "Someone else booked this time just before you. You are still on the waitlist, "
					+ "and we will write to you when another time frees up.";
			case "too-many-requests" ->
				"You have tried this many times in a short while. Please wait a few minutes " + "and try again.";
			case "forbidden" -> "Your account does not give access to this.";
			case "invalid-request" -> "Please check the fields marked below.";
			default -> problem.status() >= 500 ? "Something went wrong on our side. Nothing was booked or changed; "
					+ "please try again in a moment." : "This could not be done: " + problem.detail();
		};
		return new Explanation(problem.code(), message);
	}

	/**
	 * One line for a form with many fields (schedules, locations, booking actions): the
	 * fields the service named with their reasons, or the plain explanation.
	 */
	static String summary(ServiceProblem problem) {
		if (problem.fieldErrors().isEmpty()) {
			return explain(problem).message();
		}
		return "Please check: " + String.join("; ",
				problem.fieldErrors()
					.entrySet()
					.stream()
					.map(error -> error.getKey() + " " + error.getValue())
					.toList());
	}

	/**
	 * @param code the problem's code, so a page can offer the way forward
	 */
	record Explanation(String code, String message) {

		public String code() {
			return this.code;
		}

		public String message() {
			return this.message;
		}

	}

}

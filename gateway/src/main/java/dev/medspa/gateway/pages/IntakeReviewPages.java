package dev.medspa.gateway.pages;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.IntakeReviews;
import dev.medspa.gateway.services.ServiceProblem;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A booking's intake for the practitioner who reviews it: where its forms stand, each
 * submission's answers (those a form flags stand out) with the evidence of the signature,
 * the reviews so far, and, while the answers wait for one, a review: clear the visit, or
 * decline it with a reason. Only practitioners and managers of the booking's location
 * open it; intake-service decides the same from the member's token and audits each read.
 */
@Controller
class IntakeReviewPages {

	static final String PAGE = "staff/intake-review";

	private static final String ONLY_CLINICIANS = "Only practitioners and managers of this location can read "
			+ "health answers.";

	private final IntakeReviews reviews;

	private final Catalog catalog;

	private final StaffAccounts accounts;

	IntakeReviewPages(IntakeReviews reviews, Catalog catalog, StaffAccounts accounts) {
		this.reviews = reviews;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@GetMapping("/staff/locations/{location}/intake/{booking}")
	String intake(@PathVariable String location, @PathVariable String booking, Authentication member, Model model,
			HttpServletResponse response) {
		if (!clinician(location, member)) {
			return refused(model, response);
		}
		return show(location, booking, model, response);
	}

	@PostMapping("/staff/locations/{location}/intake/{booking}/review")
	String review(@PathVariable String location, @PathVariable String booking,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String note, Authentication member, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!clinician(location, member)) {
			return refused(model, response);
		}
		ReviewForm form = new ReviewForm(decision.strip(), reason.strip(), note.strip());
		Map<String, String> errors = form.errors();
		if (!errors.isEmpty()) {
			model.addAttribute("fieldErrors", errors);
			return showWith(form, location, booking, model, response);
		}
		try {
			String status = this.reviews.review(location, booking, form.decision(),
					form.declined() ? form.reason() : null, form.note());
			redirect.addFlashAttribute("done",
					IntakeReviews.DECLINED.equals(status)
							? "Declined. The clinic cancels the booking, the client is told why in general words, "
									+ "and any deposit is refunded."
							: "Cleared: the visit goes ahead.");
			return "redirect:/staff/locations/" + location + "/intake/" + booking;
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 403 || problem.status() == 401) {
				return refused(model, response);
			}
			model.addAttribute("problem", refusal(problem));
			model.addAttribute("fieldErrors", fieldErrors(problem));
			return showWith(form, location, booking, model, response);
		}
		catch (ResourceAccessException | IllegalStateException unreachable) {
			model.addAttribute("problem", "The forms service is not answering just now, so nothing was recorded. "
					+ "Please try again in a moment.");
			return showWith(form, location, booking, model, response);
		}
	}

	private String showWith(ReviewForm form, String location, String booking, Model model,
			HttpServletResponse response) {
		model.addAttribute("form", form);
		return show(location, booking, model, response);
	}

	private String show(String location, String booking, Model model, HttpServletResponse response) {
		LocationState place = this.catalog.location(location)
			.orElseThrow(() -> new PageNotFound("No location has this id."));
		Map<String, Object> intake;
		try {
			intake = this.reviews.intake(location, booking)
				.orElseThrow(() -> new PageNotFound("This booking has no forms at this location."));
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 403 || problem.status() == 401) {
				return refused(model, response);
			}
			throw problem;
		}
		catch (ResourceAccessException | IllegalStateException unreachable) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			model.addAttribute("title", "Please try again in a moment");
			model.addAttribute("message", "The forms service is not answering just now, so the answers cannot be "
					+ "shown. Nothing was changed.");
			return "error-page";
		}
		String zone = place.zoneId();
		String status = String.valueOf(intake.get("status"));
		model.addAttribute("location", place);
		model.addAttribute("bookingId", booking);
		model.addAttribute("treatment",
				this.catalog.treatment(String.valueOf(intake.get("treatmentId")))
					.map(treatment -> treatment.name())
					.orElse(String.valueOf(intake.get("treatmentId"))));
		model.addAttribute("when", when(intake.get("start"), zone));
		model.addAttribute("status", status);
		String words = IntakeStatusWords.status(status);
		model.addAttribute("statusWords", words == null ? status : words);
		model.addAttribute("declineReason",
				intake.get("declineReason") == null ? null : IntakeStatusWords.reason(intake.get("declineReason")));
		model.addAttribute("forms", forms(intake, zone));
		model.addAttribute("reviews", reviews(intake, zone));
		model.addAttribute("reviewable", "NEEDS_REVIEW".equals(status));
		model.addAttribute("reasons", IntakeStatusWords.DECLINE_REASONS);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ReviewForm("", "", ""));
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return PAGE;
	}

	private boolean clinician(String location, Authentication member) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		return IntakeStatusWords.readsHealthAnswers(account, location);
	}

	/** The plain refusal: health answers are for practitioners and managers there. */
	private static String refused(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("title", "Health answers are private");
		model.addAttribute("message", ONLY_CLINICIANS);
		return "error-page";
	}

	/** A refusal of the review in the practitioner's words. */
	private static String refusal(ServiceProblem problem) {
		return switch (problem.code()) {
			case "intake-not-in-review" -> "These answers are not waiting for a review (any more): someone may "
					+ "have reviewed them already, or the client has forms still to fill in. The page shows where "
					+ "they stand now.";
			case "invalid-request" -> "Please check the fields marked below.";
			default -> Problems.explain(problem).message();
		};
	}

	/** The service's field errors by the form's field names. */
	private static Map<String, String> fieldErrors(ServiceProblem problem) {
		Map<String, String> errors = new LinkedHashMap<>();
		problem.fieldErrors().forEach((field, reason) -> {
			String name = switch (field) {
				case "reason", "note", "decision" -> field;
				default -> "decision";
			};
			errors.putIfAbsent(name, "This " + reason + ".");
		});
		return errors;
	}

	private static List<Map<String, Object>> forms(Map<String, Object> intake, String zone) {
		List<Map<String, Object>> forms = new ArrayList<>();
		for (Map<String, Object> form : Forms.list(intake.get("forms"))) {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("title", form.get("title"));
			view.put("kind", "CONSENT".equals(form.get("kind")) ? "Consent" : "Health questions");
			view.put("version", form.get("version"));
			view.put("contentHash", form.get("contentHash"));
			view.put("done", Boolean.TRUE.equals(form.get("done")));
			List<Map<String, Object>> submissions = new ArrayList<>();
			for (Map<String, Object> submission : Forms.list(form.get("submissions"))) {
				Map<String, Object> seen = new LinkedHashMap<>();
				seen.put("submittedAt", when(submission.get("submittedAt"), zone));
				seen.put("signedName", text(submission.get("signedName")));
				seen.put("address", text(submission.get("address")));
				seen.put("userAgent", text(submission.get("userAgent")));
				seen.put("version", submission.get("version"));
				seen.put("contentHash", text(submission.get("contentHash")));
				List<Map<String, Object>> answers = new ArrayList<>();
				for (Map<String, Object> answer : Forms.list(submission.get("answers"))) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("label", text(answer.get("label")));
					line.put("answer", answerWords(answer.get("answer")));
					line.put("flagged", Boolean.TRUE.equals(answer.get("flagged")));
					answers.add(line);
				}
				seen.put("answers", answers);
				seen.put("flags", answers.stream().filter(line -> Boolean.TRUE.equals(line.get("flagged"))).count());
				submissions.add(seen);
			}
			view.put("submissions", submissions);
			forms.add(view);
		}
		return forms;
	}

	private static List<Map<String, Object>> reviews(Map<String, Object> intake, String zone) {
		List<Map<String, Object>> reviews = new ArrayList<>();
		for (Map<String, Object> review : Forms.list(intake.get("reviews"))) {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("decision", IntakeReviews.DECLINED.equals(review.get("decision")) ? "Declined" : "Cleared");
			view.put("reason", review.get("reason") == null ? "" : IntakeStatusWords.reason(review.get("reason")));
			view.put("note", text(review.get("note")));
			view.put("by", text(review.get("by")));
			view.put("at", when(review.get("at"), zone));
			reviews.add(view);
		}
		return reviews;
	}

	/** A yes/no answer as a word with a capital; any other answer as given. */
	private static String answerWords(@Nullable Object answer) {
		String text = text(answer);
		return switch (text) {
			case "yes" -> "Yes";
			case "no" -> "No";
			default -> text;
		};
	}

	private static String when(@Nullable Object time, String zone) {
		if (time == null) {
			return "";
		}
		try {
			return Times.full(Instant.parse(String.valueOf(time)), zone);
		}
		catch (DateTimeParseException unreadable) {
			try {
				return Times.full(java.time.OffsetDateTime.parse(String.valueOf(time)), zone);
			}
			catch (DateTimeParseException stillUnreadable) {
				return String.valueOf(time);
			}
		}
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	/**
	 * The review as the practitioner filled it in, kept when it is refused.
	 *
	 * @param decision {@code CLEARED} or {@code DECLINED}
	 * @param reason for a decline, a code of {@link IntakeStatusWords#DECLINE_REASONS}
	 */
	record ReviewForm(String decision, String reason, String note) {

		boolean declined() {
			return IntakeReviews.DECLINED.equals(this.decision);
		}

		/** What the page can tell before asking intake-service. */
		Map<String, String> errors() {
			Map<String, String> errors = new LinkedHashMap<>();
			if (!IntakeReviews.CLEARED.equals(this.decision) && !declined()) {
				errors.put("decision", "Choose Clear or Decline.");
			}
			if (declined() && !IntakeStatusWords.DECLINE_REASONS.containsKey(this.reason)) {
				errors.put("reason", "Choose why the treatment cannot go ahead.");
			}
			return errors;
		}

	}

}

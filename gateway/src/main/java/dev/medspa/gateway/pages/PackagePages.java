package dev.medspa.gateway.pages;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.util.UriUtils;

/**
 * Prepaid packages: a course of sessions of a treatment, bought and paid for at once,
 * whose sessions are then booked without a deposit. The offers, the purchase with the
 * same contact fields and e-mail code as booking, and its confirmation.
 */
@Controller
class PackagePages {

	private static final String BUY = "client/package-buy";

	/** The fields the purchase page has, where a refusal naming them is said. */
	private static final Set<String> FIELDS = Set.of("client.name", "client.email", "client.phone", "emailCode",
			"paymentMethod");

	private final Services services;

	PackagePages(Services services) {
		this.services = services;
	}

	@GetMapping("/packages")
	String offers(Model model) {
		try {
			model.addAttribute("offers", PackageViews.Offer.all(this.services.packageOffers(null)));
		}
		catch (ServiceProblem | ResourceAccessException ex) {
			model.addAttribute("offers", List.of());
			model.addAttribute("problem", "We cannot show our packages just now. Please try again in a moment.");
		}
		return "client/packages";
	}

	@GetMapping("/packages/{offerId}")
	String start(@PathVariable String offerId, Model model) {
		PackageForm form = new PackageForm();
		form.keepOrStartPurchase();
		model.addAttribute("offer", offer(offerId));
		model.addAttribute("form", form);
		return BUY;
	}

	@PostMapping("/packages/{offerId}")
	String buy(@PathVariable String offerId, PackageForm form, HttpSession session, Model model) {
		PackageViews.Offer offer = offer(offerId);
		form.keepOrStartPurchase();
		model.addAttribute("offer", offer);
		model.addAttribute("form", form);
		try {
			Map<String, Object> bought = this.services.buyPackage(form.request(offerId));
			if ("DECLINED".equals(bought.get("status"))) {
				return refusedAtCard(model, declined(null));
			}
			PackageBought kept = PackageBought.of(bought);
			PackageBought.save(session, kept);
			return "redirect:/packages/bought/" + UriUtils.encodePathSegment(kept.id(), StandardCharsets.UTF_8);
		}
		catch (ServiceProblem problem) {
			return refused(problem, form, model);
		}
		catch (ResourceAccessException unanswered) {
			model.addAttribute("codeAsked", !form.getEmailCode().isBlank());
			model.addAttribute("problem", "We could not hear back from our booking system. Please press \"Buy\" "
					+ "again in a moment: it is the same purchase, so you are never charged twice.");
			return BUY;
		}
	}

	@GetMapping("/packages/bought/{packageId}")
	String bought(@PathVariable String packageId, HttpSession session, Model model) {
		PackageBought bought = PackageBought.find(session, packageId);
		if (bought == null) {
			throw new PageNotFound("We cannot show this purchase here any more. Your packages are listed on the page "
					+ "of each of your appointments, through the link in its e-mail.");
		}
		model.addAttribute("bought", bought);
		return "client/package-bought";
	}

	/**
	 * Says a refusal next to its field, with what the client typed kept; nothing was
	 * bought.
	 */
	private String refused(ServiceProblem problem, PackageForm form, Model model) {
		model.addAttribute("codeAsked", !form.getEmailCode().isBlank());
		switch (problem.code()) {
			case "email-code-required":
				return askForCode(form, model);
			case "email-code-invalid":
				model.addAttribute("codeAsked", true);
				model.addAttribute("fieldErrors", Map.of("emailCode",
						"is not the one we sent to this address, or it has expired. Check it, or leave the field "
								+ "empty and buy again for a new one."));
				return BUY;
			case "payment-declined":
				return refusedAtCard(model, declined(problem));
			case "payment-unavailable":
				return refusedAtCard(model, "We cannot reach the card payment service just now. Nothing was "
						+ "bought and nothing was charged; please try again in a minute.");
			case "unknown-package-offer":
				model.addAttribute("problem", "This package is no longer on sale, so nothing was bought.");
				model.addAttribute("offerGone", true);
				return BUY;
			default:
				Map<String, String> fieldErrors = new LinkedHashMap<>(problem.fieldErrors());
				if (fieldErrors.containsKey("paymentMethod")) {
					fieldErrors.put("paymentMethod", "Please choose a test card.");
				}
				model.addAttribute("fieldErrors", fieldErrors);
				if (fieldErrors.keySet().stream().noneMatch(FIELDS::contains)) {
					model.addAttribute("problem", Problems.explain(problem).message());
				}
				return BUY;
		}
	}

	private String refusedAtCard(Model model, String message) {
		model.addAttribute("fieldErrors", Map.of("paymentMethod", message));
		return BUY;
	}

	/**
	 * Why the card was declined, as the provider said it, and that nothing was bought.
	 */
	private static String declined(@Nullable ServiceProblem problem) {
		String why = (problem == null) ? null : problem.fieldErrors().get("paymentMethod");
		if (why == null && problem != null && !problem.detail().equals(problem.code())) {
			why = problem.detail();
		}
		return "Sorry, the card was declined" + ((why == null || why.isBlank()) ? "" : " (" + why.strip() + ")")
				+ ", so nothing was bought and nothing was charged. Please try another card.";
	}

	/**
	 * Buying a package may depend on the client's earlier visits: a code goes to the
	 * address they typed, and the page asks for it with everything else kept.
	 */
	private String askForCode(PackageForm form, Model model) {
		try {
			this.services.sendEmailCode(form.getEmail());
			model.addAttribute("codeAsked", true);
			model.addAttribute("codeSentTo", form.getEmail());
		}
		catch (ServiceProblem problem) {
			model.addAttribute("fieldErrors", problem.fieldErrors().isEmpty() ? Map.of()
					: Map.of("client.email", problem.fieldErrors().values().iterator().next()));
			model.addAttribute("problem", Problems.explain(problem).message());
		}
		return BUY;
	}

	private PackageViews.Offer offer(String offerId) {
		return PackageViews.Offer.all(this.services.packageOffers(null))
			.stream()
			.filter(offer -> offer.id().equals(offerId))
			.findFirst()
			.orElseThrow(() -> new PageNotFound("We do not sell this package. Please choose one of our packages."));
	}

}

package dev.medspa.gateway.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.OwnerWebhooks;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.support.security.StaffRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The owners' webhook endpoints: which other systems receive the chain's booking and
 * waitlist events, how each is doing, its delivery log with replay, and its signing
 * secret, shown once when it is made. notification-service decides from the member's
 * token that only owners see any of it; these pages refuse everyone else first.
 */
@Controller
class WebhookPages {

	private static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "FAILED", "DROPPED");

	/** The overlaps a rotation offers, the service's default first. */
	static final Map<String, String> OVERLAPS = overlaps();

	private static final int LOG_SIZE = 100;

	private final OwnerWebhooks webhooks;

	private final StaffAccounts accounts;

	private final Clock clock;

	WebhookPages(OwnerWebhooks webhooks, StaffAccounts accounts) {
		this.webhooks = webhooks;
		this.accounts = accounts;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/staff/webhooks")
	String list(Authentication member, Model model) {
		owner(member);
		try {
			model.addAttribute("endpoints", this.webhooks.endpoints().stream().map(WebhookViews::endpoint).toList());
			model.addAttribute("eventTypes", WebhookViews.typeOptions(this.webhooks.eventTypes()));
		}
		catch (ServiceProblem problem) {
			model.addAttribute("problem", Problems.explain(problem).message());
			model.addAttribute("endpoints", List.of());
			model.addAttribute("eventTypes", List.of());
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form("", "", List.of(), false, member.getName()));
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "staff/webhooks";
	}

	@PostMapping("/staff/webhooks")
	String register(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> types,
			@RequestParam(required = false) @Nullable String ordered,
			@RequestParam(defaultValue = "") String contactEmail, Authentication member, RedirectAttributes redirect) {
		owner(member);
		Map<String, Object> form = form(url, description, types, ordered != null, contactEmail);
		try {
			Map<String, Object> created = this.webhooks.register(form);
			Map<String, Object> endpoint = Forms.map(created.get("endpoint"));
			redirect.addFlashAttribute("done", "Registered \"" + endpoint.get("description") + "\".");
			showSecretOnce(redirect, created, endpoint);
			return "redirect:/staff/webhooks";
		}
		catch (ServiceProblem problem) {
			refused(problem, form, redirect);
			return "redirect:/staff/webhooks#register";
		}
	}

	@GetMapping("/staff/webhooks/{id}")
	String endpoint(@PathVariable String id, @RequestParam(required = false) @Nullable String status,
			Authentication member, Model model) {
		owner(member);
		Map<String, Object> endpoint = this.webhooks.endpoint(id)
			.orElseThrow(() -> new PageNotFound("There is no webhook endpoint here; it may have been removed."));
		String wanted = status != null && STATUSES.contains(status) ? status : null;
		model.addAttribute("endpoint", WebhookViews.endpoint(endpoint));
		model.addAttribute("deliveries", WebhookViews.deliveries(this.webhooks.deliveries(id, wanted, LOG_SIZE)));
		model.addAttribute("status", wanted);
		model.addAttribute("statuses",
				STATUSES.stream().map(s -> Map.of("value", s, "label", WebhookViews.statusLabel(s))).toList());
		model.addAttribute("overlaps", OVERLAPS);
		Instant now = this.clock.instant();
		model.addAttribute("now", WebhookViews.now(now));
		model.addAttribute("rangeFrom", WebhookViews.field(now.minus(Duration.ofHours(1))));
		model.addAttribute("rangeTo", WebhookViews.field(now.plus(Duration.ofMinutes(1))));
		return "staff/webhooks-endpoint";
	}

	@GetMapping("/staff/webhooks/{id}/edit")
	String edit(@PathVariable String id, Authentication member, Model model) {
		owner(member);
		Map<String, Object> endpoint = WebhookViews.endpoint(this.webhooks.endpoint(id)
			.orElseThrow(() -> new PageNotFound("There is no webhook endpoint here; it may have been removed.")));
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("eventTypes", WebhookViews.typeOptions(this.webhooks.eventTypes()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					form(String.valueOf(endpoint.get("url")), String.valueOf(endpoint.get("description")),
							asStrings(endpoint.get("types")), Boolean.TRUE.equals(endpoint.get("ordered")),
							String.valueOf(endpoint.get("contactEmail"))));
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "staff/webhooks-edit";
	}

	@PostMapping("/staff/webhooks/{id}")
	String change(@PathVariable String id, @RequestParam(defaultValue = "") String url,
			@RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) @Nullable List<String> types,
			@RequestParam(required = false) @Nullable String ordered,
			@RequestParam(defaultValue = "") String contactEmail, Authentication member, RedirectAttributes redirect) {
		owner(member);
		Map<String, Object> form = form(url, description, types, ordered != null, contactEmail);
		try {
			this.webhooks.change(id, form);
			redirect.addFlashAttribute("done", "Saved. The signing secret stays as it was.");
			return "redirect:" + page(id, "");
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound("There is no webhook endpoint here; it may have been removed.");
			}
			refused(problem, form, redirect);
			return "redirect:" + page(id, "/edit");
		}
	}

	@PostMapping("/staff/webhooks/{id}/remove")
	String remove(@PathVariable String id, @RequestParam(required = false) @Nullable String confirm,
			Authentication member, RedirectAttributes redirect) {
		owner(member);
		if (confirm == null) {
			redirect.addFlashAttribute("problem", "Tick the box to confirm that this endpoint should be removed.");
			return "redirect:" + page(id, "");
		}
		String name = this.webhooks.endpoint(id)
			.map(endpoint -> String.valueOf(endpoint.get("description")))
			.orElse(id);
		try {
			this.webhooks.remove(id);
		}
		catch (ServiceProblem problem) {
			if (problem.status() != 404) {
				throw problem;
			}
		}
		redirect.addFlashAttribute("done",
				"Removed \"" + name + "\". It receives nothing more; deliveries that were waiting were dropped.");
		return "redirect:/staff/webhooks";
	}

	@PostMapping("/staff/webhooks/{id}/secret")
	String rotate(@PathVariable String id, @RequestParam(defaultValue = "PT24H") String overlap, Authentication member,
			RedirectAttributes redirect) {
		owner(member);
		Duration kept = OVERLAPS.containsKey(overlap) ? Duration.parse(overlap) : null;
		if (kept == null) {
			redirect.addFlashAttribute("problem", "Choose how long the old secret keeps signing.");
			return "redirect:" + page(id, "");
		}
		try {
			Map<String, Object> rotated = this.webhooks.rotate(id, kept);
			Map<String, Object> endpoint = Forms.map(rotated.get("endpoint"));
			redirect.addFlashAttribute("done", kept.isZero() ? "New secret made; the old one no longer signs."
					: "New secret made; the old one keeps signing beside it for " + OVERLAPS.get(overlap) + ".");
			showSecretOnce(redirect, rotated, endpoint);
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound("There is no webhook endpoint here; it may have been removed.");
			}
			redirect.addFlashAttribute("problem", Problems.summary(problem));
		}
		return "redirect:" + page(id, "");
	}

	/** Sends one delivery again, from its first try and with its webhook-id. */
	@PostMapping("/staff/webhooks/{id}/replay")
	String replay(@PathVariable String id, @RequestParam String deliveryId, Authentication member,
			RedirectAttributes redirect) {
		owner(member);
		replayed(id, Map.of("deliveryIds", List.of(deliveryId)), redirect);
		return "redirect:" + page(id, "");
	}

	/**
	 * Sends again every delivery made from {@code from} up to {@code to}, both read as
	 * UTC ({@code yyyy-MM-ddTHH:mm} from a datetime-local field).
	 */
	@PostMapping("/staff/webhooks/{id}/replay-range")
	String replayRange(@PathVariable String id, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Authentication member, RedirectAttributes redirect) {
		owner(member);
		Instant start;
		Instant end;
		try {
			start = LocalDateTime.parse(from.strip()).toInstant(ZoneOffset.UTC);
			end = LocalDateTime.parse(to.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			redirect.addFlashAttribute("problem", "Give both ends of the time range as a day and a time (UTC).");
			return "redirect:" + page(id, "");
		}
		if (!start.isBefore(end)) {
			redirect.addFlashAttribute("problem", "The range must start before it ends.");
			return "redirect:" + page(id, "");
		}
		replayed(id, Map.of("from", start.toString(), "to", end.toString()), redirect);
		return "redirect:" + page(id, "");
	}

	private void replayed(String id, Map<String, Object> request, RedirectAttributes redirect) {
		try {
			int count = this.webhooks.replay(id, request);
			redirect.addFlashAttribute("done", switch (count) {
				case 0 -> "Nothing was sent again: no delivery matched, or each one is being tried right now.";
				case 1 -> "1 delivery is being sent again, with its original webhook-id.";
				default -> count + " deliveries are being sent again, each with its original webhook-id.";
			});
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound("There is no webhook endpoint here; it may have been removed.");
			}
			redirect.addFlashAttribute("problem", Problems.summary(problem));
		}
	}

	/**
	 * The secret goes to the next page only, as a flash attribute; it is kept nowhere.
	 */
	private static void showSecretOnce(RedirectAttributes redirect, Map<String, Object> answer,
			Map<String, Object> endpoint) {
		redirect.addFlashAttribute("secret", String.valueOf(answer.get("secret")));
		redirect.addFlashAttribute("secretFor", String.valueOf(endpoint.get("description")));
	}

	/** A refused form comes back filled in, with a message next to each field named. */
	private static void refused(ServiceProblem problem, Map<String, Object> form, RedirectAttributes redirect) {
		Map<String, String> messages = WebhookViews.fieldMessages(problem);
		redirect.addFlashAttribute("form", form);
		redirect.addFlashAttribute("fieldErrors", messages);
		redirect.addFlashAttribute("problem", messages.isEmpty() ? Problems.explain(problem).message()
				: "Nothing was saved. Please check the fields marked below.");
	}

	private void owner(Authentication member) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		if (!account.has(StaffRole.OWNER)) {
			throw new AccessDeniedException("Only owners keep webhook endpoints");
		}
	}

	/** The form's fields as the service reads them. */
	static Map<String, Object> form(String url, String description, @Nullable List<String> types, boolean ordered,
			String contactEmail) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("url", url.strip());
		form.put("description", description.strip());
		form.put("types", types == null ? List.of() : List.copyOf(types));
		form.put("ordered", ordered);
		form.put("contactEmail", contactEmail.strip());
		return form;
	}

	private static String page(String id, String tail) {
		return UriComponentsBuilder.fromPath("/staff/webhooks/{id}" + tail).buildAndExpand(id).encode().toUriString();
	}

	private static List<String> asStrings(@Nullable Object values) {
		List<String> strings = new ArrayList<>();
		if (values instanceof List<?> list) {
			list.forEach(value -> strings.add(String.valueOf(value)));
		}
		return strings;
	}

	private static Map<String, String> overlaps() {
		Map<String, String> overlaps = new LinkedHashMap<>();
		overlaps.put("PT24H", "24 hours");
		overlaps.put("PT1H", "1 hour");
		overlaps.put("P7D", "7 days");
		overlaps.put("PT0S", "none: the old secret stops signing at once");
		return overlaps;
	}

}

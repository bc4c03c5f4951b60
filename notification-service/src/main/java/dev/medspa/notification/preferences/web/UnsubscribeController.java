package dev.medspa.notification.preferences.web;

import dev.medspa.notification.preferences.ContactPreference;
import dev.medspa.notification.preferences.ContactPreferences;
import dev.medspa.support.Refusal;
import dev.medspa.support.limits.Limits;
import dev.medspa.support.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link. Following it (GET) only shows a button, since mail scanners
 * follow links too; the button, or a mail client's one-click unsubscribe (RFC 8058),
 * POSTs.
 */
@RestController
@Tag(name = "Unsubscribe", description = "The unsubscribe link in reminders to book again")
@RequestMapping("/api/unsubscribe/{token}")
class UnsubscribeController {

	/**
	 * Both POSTs are one operation in the API documents (only the form field tells them
	 * apart), so they say the same.
	 */
	private static final String UNSUBSCRIBE = "Unsubscribe from reminders to book again";

	private static final String UNSUBSCRIBE_DESCRIPTION = "One-click unsubscribe (RFC 8058) from a mail client "
			+ "answers JSON with since when the client is unsubscribed; the page's button sends the form field "
			+ "`confirm=page` and is answered with a page. Confirmations and care instructions still reach the "
			+ "client. Safe to repeat. A wrong key answers 404; too many misses from one address answer 429 for a "
			+ "while.";

	private final ContactPreferences preferences;

	private final Limits limits;

	private final int missesPerAddressPerMinute;

	/**
	 * @param missesPerAddressPerMinute links tried from one address that open nothing,
	 * before it must wait (guessing links); 0 turns the limit off
	 */
	UnsubscribeController(ContactPreferences preferences, Limits limits,
			@Value("${medspa.limits.unsubscribe-misses-per-address-per-minute:20}") int missesPerAddressPerMinute) {
		this.preferences = preferences;
		this.limits = limits;
		this.missesPerAddressPerMinute = missesPerAddressPerMinute;
	}

	@Operation(summary = "Show the unsubscribe page",
			description = "An HTML page with one button; following the link changes nothing, since mail scanners follow "
					+ "links too. A wrong key answers 404; too many misses from one address answer 429 for a while.")
	@GetMapping(produces = MediaType.TEXT_HTML_VALUE)
	String page(@PathVariable String token, HttpServletRequest http) {
		ContactPreference preference = this.preferences.find(token).orElseThrow(() -> miss(http));
		String escaped = HtmlUtils.htmlEscape(token);
		String state = preference.optedOut() ? "<p>You are unsubscribed from reminders to book again.</p>"
				: """
						<form method="post" action="%s">
						<input type="hidden" name="confirm" value="page">
						<p>Stop reminders to book your next session? Confirmations and care instructions will still reach you.</p>
						<button type="submit">Unsubscribe</button>
						</form>"""
					.formatted(escaped);
		return styled(state);
	}

	/** The button on the page: the same opt-out, answered with a page. */
	@Operation(summary = UNSUBSCRIBE, description = UNSUBSCRIBE_DESCRIPTION)
	@PostMapping(params = "confirm=page", produces = MediaType.TEXT_HTML_VALUE)
	String unsubscribeFromPage(@PathVariable String token, HttpServletRequest http) {
		unsubscribe(token, http);
		return styled("<p role=\"status\">You are unsubscribed from reminders to book again. Confirmations and care "
				+ "instructions for your appointments will still reach you.</p>");
	}

	/**
	 * A page in the site's look: reached through the gateway, it shares the site's
	 * stylesheet (same origin, no inline style).
	 */
	private static String styled(String content) {
		return """
				<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Unsubscribe · Evergreen Med Spa</title><link rel="stylesheet" href="/css/site.css"></head>
				<body><header class="site-header"><nav aria-label="Main"><a class="brand" href="/">Evergreen Med Spa</a>
				<a href="/book">Book</a></nav></header>
				<main id="main"><h1>Reminders to book again</h1>%s</main>
				<footer class="site-footer"><p>Evergreen Med Spa · Walnut Creek · San Ramon · Scottsdale</p></footer>
				</body></html>""".formatted(content);
	}

	@Operation(summary = UNSUBSCRIBE, description = UNSUBSCRIBE_DESCRIPTION)
	@PostMapping
	UnsubscribedView unsubscribe(@PathVariable String token, HttpServletRequest http) {
		ContactPreference preference = this.preferences.optOut(token).orElseThrow(() -> miss(http));
		return new UnsubscribedView(true, preference.optedOutAt());
	}

	/** A link that opens nothing; too many from one address are refused for a while. */
	private Refusal miss(HttpServletRequest http) {
		this.limits.take("unsubscribe-misses-per-address", ClientAddress.of(http), this.missesPerAddressPerMinute,
				java.time.Duration.ofMinutes(1), "links that open nothing from your address");
		return Refusal.notFound("Unsubscribe link", "This unsubscribe link is not valid");
	}

	record UnsubscribedView(boolean unsubscribed, java.time.@org.jspecify.annotations.Nullable Instant since) {
	}

}

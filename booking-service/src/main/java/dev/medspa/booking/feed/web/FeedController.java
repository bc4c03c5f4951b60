package dev.medspa.booking.feed.web;

import java.nio.charset.StandardCharsets;

import dev.medspa.booking.feed.CalendarFeedService;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The address a calendar app subscribes to. Its token is the only key, so the answer is
 * private to whoever holds it: cached by no shared cache, revalidated by its ETag (a hash
 * of the document), which answers 304 while nothing changed.
 */
@RestController
class FeedController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarFeedService feeds;

	FeedController(CalendarFeedService feeds) {
		this.feeds = feeds;
	}

	@Operation(summary = "A calendar feed",
			description = "The bookings of a feed as an iCalendar document, from a week back to the booking horizon, "
					+ "in the location's time zone. Send the ETag back in If-None-Match to get 304 while nothing "
					+ "changed. An unknown or revoked token answers 404.")
	@GetMapping("/feeds/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token) {
		CalendarFeedService.Rendered rendered = this.feeds.read(token);
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.eTag("\"" + rendered.digest() + "\"")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bookings.ics\"")
			.header("Referrer-Policy", "no-referrer")
			.header("X-Robots-Tag", "noindex")
			.body(rendered.bytes());
	}

}

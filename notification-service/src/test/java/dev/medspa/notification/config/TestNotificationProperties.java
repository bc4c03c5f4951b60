package dev.medspa.notification.config;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The service's defaults, with example links, for unit tests that build parts by hand.
 */
public final class TestNotificationProperties {

	public static final NotificationProperties DEFAULTS = new NotificationProperties("bookings@clinic.example",
			"Evergreen Med Spa", Duration.ofMinutes(2), "https://book.example/manage/",
			"https://book.example/waitlist/", "https://book.example/offer/", "https://book.example/forms/",
			"https://book.example/", "https://book.example/unsubscribe/",
			"a-test-secret-that-is-long-enough-0123456789",
			new NotificationProperties.Dispatch(Duration.ofSeconds(5), 50, 4, Duration.ofMinutes(1),
					Duration.ofHours(1), 8),
			new NotificationProperties.Plan(LocalTime.of(21, 0), LocalTime.of(8, 0), Duration.ofDays(1),
					Duration.ofHours(2), Duration.ofDays(2), Duration.ofMinutes(10), Duration.ofDays(3)),
			Duration.ZERO);

	private TestNotificationProperties() {
	}

}

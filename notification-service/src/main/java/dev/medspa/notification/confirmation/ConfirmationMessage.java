package dev.medspa.notification.confirmation;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.catalog.TreatmentSummary;
import dev.medspa.notification.mail.EmailSender.Email;

/**
 * The confirmation e-mail: the treatment, the place, and the start in the location's own
 * time with its zone. The subject names no treatment, since a subject line is seen by
 * more eyes than the body.
 */
final class ConfirmationMessage {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a zzz",
			Locale.US);

	private ConfirmationMessage() {
	}

	static Email of(BookingConfirmed booking, TreatmentSummary treatment, LocationSummary location, String clinicName,
			String manageUrl) {
		ZonedDateTime start = booking.start().atZone(location.zone());
		String when = WHEN.format(start) + " (" + location.zoneId() + ")";
		String text = """
				Hello %s,

				Your booking is confirmed.

				  What:  %s
				  When:  %s
				  Where: %s, %s

				%s

				See you soon,
				%s
				""".formatted(booking.client().name(), treatment.name(), when, location.name(), location.address(),
				changes(booking, location, manageUrl), clinicName);
		return new Email(booking.client().email(),
				"Your appointment at " + clinicName + " " + location.name() + " is confirmed", text);
	}

	private static String changes(BookingConfirmed booking, LocationSummary location, String manageUrl) {
		if (booking.manageToken() == null) {
			return "If you need to change or cancel it, call us at " + location.phone() + ".";
		}
		return "To see, move or cancel it: " + manageUrl + booking.manageToken() + "\nOr call us at " + location.phone()
				+ ".";
	}

	/** The start as the message shows it, for tests and logs. */
	static String when(BookingConfirmed booking, LocationSummary location) {
		return WHEN.format(booking.start().atZone(location.zone()));
	}

}

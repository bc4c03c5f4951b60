package dev.medspa.notification.config;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from the sender address of every e-mail
 * @param clinicName how messages sign and name the sender
 * @param sendLease how long a sender holds a message it claimed before another may take
 * it over
 * @param manageUrl the client's manage link, to which the booking's token is appended
 * @param waitlistUrl a waiter's link to see and leave their place on a waitlist, to which
 * the place's token is appended
 * @param offerUrl the one-click link of an offered slot, to which the offer's token is
 * appended
 * @param formsUrl the client's link to the intake and consent forms of a booking, to
 * which the booking's intake token is appended
 * @param bookingUrl where clients book again
 * @param unsubscribeUrl the unsubscribe link of optional messages, to which the client's
 * token is appended
 * @param unsubscribeSecret keys the unsubscribe tokens; at least 32 characters, and no
 * default: each installation sets its own (the local platform generates one on first
 * start), so no value in the repository makes tokens anyone else accepts
 * @param dispatch how often and how hard senders look for due messages
 * @param plan when messages fall
 * @param confirmationGrace how long a booking's confirmation waits before it goes, so
 * that intake-service's word that forms are due usually arrives first and the
 * confirmation carries their link instead of a mail of its own; zero sends it at once
 */
@Validated
@ConfigurationProperties("medspa.notification")
public record NotificationProperties(@DefaultValue("bookings@clinic.example") @Email @NotBlank String from,
		@DefaultValue("Evergreen Med Spa") @NotBlank String clinicName, @DefaultValue("PT2M") Duration sendLease,
		@DefaultValue("http://127.0.0.1:8080/manage/") @NotBlank String manageUrl,
		@DefaultValue("http://127.0.0.1:8080/waitlist/") @NotBlank String waitlistUrl,
		@DefaultValue("http://127.0.0.1:8080/offer/") @NotBlank String offerUrl,
		@DefaultValue("http://127.0.0.1:8080/forms/") @NotBlank String formsUrl,
		@DefaultValue("http://127.0.0.1:8080/book") @NotBlank String bookingUrl,
		@DefaultValue("http://127.0.0.1:8080/api/unsubscribe/") @NotBlank String unsubscribeUrl,
		@NotBlank @Size(min = 32) String unsubscribeSecret, @DefaultValue @Valid Dispatch dispatch,
		@DefaultValue @Valid Plan plan, @DefaultValue("PT5S") @NotNull Duration confirmationGrace) {

	/**
	 * @param interval the pause between two looks for due messages
	 * @param batch how many due entries one look takes on at most
	 * @param senders how many messages are sent at the same time at most
	 * @param firstRetry the wait after the first failure that may pass; it doubles after
	 * each further one
	 * @param maxRetryInterval the longest wait between two attempts
	 * @param maxAttempts after this many attempts a message is given up as failed
	 */
	public record Dispatch(@DefaultValue("PT1S") Duration interval, @DefaultValue("1000") @Min(1) int batch,
			@DefaultValue("8") @Min(1) int senders, @DefaultValue("PT1M") Duration firstRetry,
			@DefaultValue("PT1H") Duration maxRetryInterval, @DefaultValue("8") @Min(1) int maxAttempts) {
	}

	/**
	 * @param quietStart when the night begins, in the location's zone
	 * @param quietEnd when it ends the next morning
	 * @param reminderBefore the e-mail reminder before the start
	 * @param smsReminderBefore the SMS reminder before the start
	 * @param preCareBefore the pre-care message before the start
	 * @param seriesWait how long the confirmation of a course booked in one go waits for
	 * its sessions' confirmations after the first arrived, before it goes with those that
	 * did
	 * @param formsReminderBefore the reminder of forms still to be filled in, before the
	 * start
	 */
	public record Plan(@DefaultValue("21:00") @NotNull LocalTime quietStart,
			@DefaultValue("08:00") @NotNull LocalTime quietEnd, @DefaultValue("P1D") Duration reminderBefore,
			@DefaultValue("PT2H") Duration smsReminderBefore, @DefaultValue("P2D") Duration preCareBefore,
			@DefaultValue("PT10M") Duration seriesWait, @DefaultValue("P3D") Duration formsReminderBefore) {
	}

}

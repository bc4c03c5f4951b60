package dev.medspa.booking.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When bookings open and close.
 *
 * @param minimumNotice bookings close this long before they start
 * @param horizon bookings open this far ahead
 * @param slotStep the grid of offered starts, from local midnight
 * @param maximumSearch the longest range one availability search may cover
 * @param clientChangeCutoff clients may reschedule or cancel until this long before the
 * start; staff always
 * @param maximumLocationDays what one search may cost: its days times the locations it
 * covers (each a day sheet read and a rule check), so {@code location=any} over a month
 * stays bounded as the chain grows
 */
@Validated
@ConfigurationProperties("medspa.booking")
public record BookingPolicy(@DefaultValue("PT2H") Duration minimumNotice, @DefaultValue("P90D") Duration horizon,
		@DefaultValue("PT15M") Duration slotStep, @DefaultValue("P31D") Duration maximumSearch,
		@DefaultValue("PT24H") Duration clientChangeCutoff, @DefaultValue("PT10M") Duration holdDuration,
		@DefaultValue("400") int maximumLocationDays) {

	/**
	 * The same policy reaching further ahead: the later sessions of a course booked in
	 * one go lie past the horizon its first session must be within.
	 */
	public BookingPolicy reaching(Duration farther) {
		return new BookingPolicy(this.minimumNotice, farther, this.slotStep, this.maximumSearch,
				this.clientChangeCutoff, this.holdDuration, this.maximumLocationDays);
	}

}

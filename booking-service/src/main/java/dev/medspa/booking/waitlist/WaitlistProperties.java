package dev.medspa.booking.waitlist;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.medspa.support.timeline.QuietHours;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How offers are made.
 *
 * @param offerDuration how long a freed slot is held for the waiter(s) it is offered to
 * @param quietStart when the night begins in the location's zone: no offer is made that
 * would still be open then
 * @param quietEnd when it ends; offers of a slot freed in the night are made then
 * @param offersPerWaiterPerDay at most this many offers to one place on the list a day
 * @param pauseAfterIgnored a place whose offers ran out unanswered this many times in a
 * row is paused until the waiter comes back to it
 * @param sweepInterval how often offers that ran out are handed on
 * @param lease how long one instance may work on a freed slot before another may take
 * over
 */
@Validated
@ConfigurationProperties("medspa.waitlist")
public record WaitlistProperties(@DefaultValue("PT30M") @NotNull Duration offerDuration,
		@DefaultValue("21:00") @NotNull LocalTime quietStart, @DefaultValue("08:00") @NotNull LocalTime quietEnd,
		@DefaultValue("3") @Min(1) int offersPerWaiterPerDay, @DefaultValue("3") @Min(1) int pauseAfterIgnored,
		@DefaultValue("PT5S") @NotNull Duration sweepInterval, @DefaultValue("PT30S") @NotNull Duration lease) {

	public QuietHours quietHours() {
		return new QuietHours(this.quietStart, this.quietEnd);
	}

}

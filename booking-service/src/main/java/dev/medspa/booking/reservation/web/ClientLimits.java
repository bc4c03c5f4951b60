package dev.medspa.booking.reservation.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.medspa.support.limits.Limits;
import dev.medspa.support.web.ClientAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * What one client may do before being asked to slow down (429 with {@code Retry-After}):
 * counted per client address, e-mail address, phone number or booking, so one client's
 * abuse never stops another. Staff are not limited here.
 */
@Component
public class ClientLimits {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration DAY = Duration.ofDays(1);

	private final Limits limits;

	private final Settings settings;

	ClientLimits(Limits limits, Settings settings) {
		this.limits = limits;
		this.settings = settings;
	}

	/**
	 * The limits; 0 turns one off.
	 *
	 * @param holdsPerAddressPerMinute holds taken from one address: without a cap one
	 * client could hold every slot of every location
	 * @param bookingsPerAddressPerHour online bookings from one address
	 * @param bookingsPerEmailPerDay online bookings for one e-mail address
	 * @param bookingsPerPhonePerDay online bookings for one phone number (each may make
	 * the clinic send SMS)
	 * @param manageMissesPerAddressPerMinute manage links tried from one address that
	 * open nothing: guessing links
	 * @param movesPerBooking moves a client may make through the link (each sends an
	 * updated invitation)
	 */
	@ConfigurationProperties("medspa.limits")
	record Settings(@DefaultValue("30") int holdsPerAddressPerMinute, @DefaultValue("20") int bookingsPerAddressPerHour,
			@DefaultValue("5") int bookingsPerEmailPerDay, @DefaultValue("5") int bookingsPerPhonePerDay,
			@DefaultValue("20") int manageMissesPerAddressPerMinute, @DefaultValue("5") int movesPerBooking) {
	}

	void hold(HttpServletRequest request) {
		this.limits.take("holds-per-address", ClientAddress.of(request), this.settings.holdsPerAddressPerMinute(),
				MINUTE, "holds from your address");
	}

	/** The three counts of a booking, taken in one round trip. */
	public void booking(HttpServletRequest request, String email, String phone) {
		this.limits.take(List.of(
				new Limits.Take("bookings-per-address", ClientAddress.of(request),
						this.settings.bookingsPerAddressPerHour(), HOUR, "bookings from your address"),
				new Limits.Take("bookings-per-email", email, this.settings.bookingsPerEmailPerDay(), DAY,
						"bookings for this e-mail address today"),
				new Limits.Take("bookings-per-phone", phone.replaceAll("[^0-9+]", ""),
						this.settings.bookingsPerPhonePerDay(), DAY, "bookings for this phone number today")));
	}

	public void manageMiss(HttpServletRequest request) {
		this.limits.take("manage-misses-per-address", ClientAddress.of(request),
				this.settings.manageMissesPerAddressPerMinute(), MINUTE, "links that open nothing from your address");
	}

	void move(String bookingId) {
		this.limits.take("moves-per-booking", bookingId, this.settings.movesPerBooking(), Duration.ofDays(366),
				"changes to this booking online; please call the clinic");
	}

}

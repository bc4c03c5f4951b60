package dev.medspa.gateway.pages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A cancellation policy as booking-service answers it ({@code GET /api/policies}), in the
 * plain words a client reads before booking: what is charged now, what cancelling late
 * and not coming cost.
 *
 * @param version the version the client accepts by booking
 * @param needsCard whether the booking asks for a payment method (a deposit, or a card
 * kept for the fees)
 * @param lines the terms, one sentence each
 */
record CancellationTerms(int version, boolean needsCard, List<String> lines) {

	/**
	 * The policy's terms for a booking at {@code start}, or null when the answer cannot
	 * be read as one.
	 */
	static @Nullable CancellationTerms of(Map<String, Object> policy, Instant start, Instant now) {
		Map<String, Object> terms = Forms.map(policy.get("terms"));
		if (!(policy.get("version") instanceof Number version) || terms.isEmpty()) {
			return null;
		}
		String currency = String.valueOf(terms.getOrDefault("currency", "USD"));
		long deposit = amount(terms.get("deposit"));
		boolean cardOnFile = Boolean.TRUE.equals(terms.get("cardOnFile"));
		long lateCancelFee = amount(terms.get("lateCancelFee"));
		long noShowFee = amount(terms.get("noShowFee"));
		Duration window = window(terms.get("lateCancelWindow"));
		List<String> lines = new ArrayList<>();
		if (deposit > 0) {
			lines.add(money(deposit, currency) + " deposit, charged now. It counts towards any fee below, and you "
					+ "get it back if you cancel in time or the clinic cancels.");
		}
		else if (cardOnFile) {
			lines.add("We keep your card on file for the fees below; nothing is charged now.");
		}
		if (lateCancelFee > 0 && window != null) {
			lines.add("Cancel at least " + span(window) + " before, or a " + money(lateCancelFee, currency)
					+ " late-cancellation fee applies.");
			if (!now.isBefore(start.minus(window))) {
				lines.add("This time is less than " + span(window) + " away, so cancelling it costs the fee.");
			}
		}
		if (noShowFee > 0) {
			lines.add("No-show fee " + money(noShowFee, currency) + ".");
		}
		return new CancellationTerms(version.intValue(), deposit > 0 || cardOnFile, List.copyOf(lines));
	}

	/** An amount in minor units of a currency, as money: {@code $50.00}. */
	static String money(long minorUnits, String currencyCode) {
		Currency currency;
		try {
			currency = Currency.getInstance(currencyCode);
		}
		catch (IllegalArgumentException unknown) {
			return BigDecimal.valueOf(minorUnits, 2).toPlainString() + " " + currencyCode;
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(currency);
		int digits = Math.max(0, currency.getDefaultFractionDigits());
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(BigDecimal.valueOf(minorUnits, digits));
	}

	/** A window in whole hours ({@code 48 hours}), days from three on, else minutes. */
	static String span(Duration window) {
		long minutes = window.toMinutes();
		if (minutes % (24 * 60) == 0 && minutes >= 3 * 24 * 60) {
			return (minutes / (24 * 60)) + " days";
		}
		if (minutes % 60 == 0) {
			return (minutes / 60) + ((minutes == 60) ? " hour" : " hours");
		}
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

	private static long amount(@Nullable Object value) {
		return value instanceof Number number ? number.longValue() : 0;
	}

	/** An ISO duration ({@code PT48H}), or seconds where it came as a number. */
	private static @Nullable Duration window(@Nullable Object value) {
		if (value instanceof Number seconds) {
			return Duration.ofMillis(Math.round(seconds.doubleValue() * 1000));
		}
		if (value == null) {
			return null;
		}
		try {
			return Duration.parse(String.valueOf(value));
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
	}

}

package dev.medspa.notification.sms;

import dev.medspa.notification.sms.SmsSender.SmsRejected;

/**
 * Phone numbers as clients type them, turned into the E.164 form providers expect. Only
 * punctuation is forgiven: a number without a '+' is taken as national to the clinic's
 * country, and no trunk prefix (such as a leading 0 or 1) is removed.
 */
public final class PhoneNumbers {

	private static final int MIN_DIGITS = 8;

	private static final int MAX_DIGITS = 15;

	private PhoneNumbers() {
	}

	/**
	 * @param raw the phone as the client gave it, e.g. {@code (925) 555-0199}
	 * @param defaultCountryCode the country calling code for numbers without a '+', e.g.
	 * {@code 1}
	 * @return the number as '+' and 8 to 15 digits, e.g. {@code +19255550199}
	 * @throws SmsRejected if what is left is not such a number
	 */
	public static String toE164(String raw, String defaultCountryCode) {
		String trimmed = raw.strip();
		boolean international = trimmed.startsWith("+");
		StringBuilder digits = new StringBuilder();
		if (!international) {
			digits.append(defaultCountryCode.startsWith("+") ? defaultCountryCode.substring(1) : defaultCountryCode);
		}
		for (int i = international ? 1 : 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
			else if (!isSeparator(c)) {
				throw new SmsRejected("Not a phone number: " + masked(raw), null);
			}
		}
		if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS || digits.charAt(0) == '0') {
			throw new SmsRejected("Not a phone number: " + masked(raw), null);
		}
		return "+" + digits;
	}

	/**
	 * A number fit for logs: enough to tell messages apart, not enough to identify a
	 * client.
	 */
	public static String masked(String phone) {
		String digits = phone.replaceAll("[^0-9]", "");
		return (digits.length() <= 4) ? "***" : "***" + digits.substring(digits.length() - 4);
	}

	private static boolean isSeparator(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '.' || c == '(' || c == ')';
	}

}

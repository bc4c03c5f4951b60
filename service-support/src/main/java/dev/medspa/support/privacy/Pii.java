package dev.medspa.support.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses and phone numbers in free text bound for logs, dead-letter
 * headers and ledger reasons: {@code ana.gomez@example.com} becomes
 * {@code a***@example.com} and {@code +1 925 555 0199} becomes {@code ***99}, enough to
 * tell two apart while reading, not enough to contact anyone.
 */
public final class Pii {

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");

	/**
	 * International numbers (a + and at least 7 digits with the usual separators) and
	 * North American ones written (925) 555-0199, 925.555.0199 or 925-555-0199; dates and
	 * times do not look like either.
	 */
	private static final Pattern PHONE = Pattern
		.compile("\\+\\d(?:[ ().-]?\\d){6,16}|(?<![\\w-])\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}(?![\\w-])");

	private Pii() {
	}

	public static String mask(String text) {
		if (text.indexOf('@') < 0 && !containsDigitRun(text)) {
			return text;
		}
		Matcher email = EMAIL.matcher(text);
		StringBuilder masked = new StringBuilder();
		while (email.find()) {
			String address = email.group();
			int at = address.indexOf('@');
			email.appendReplacement(masked,
					Matcher.quoteReplacement(address.charAt(0) + "***" + address.substring(at)));
		}
		email.appendTail(masked);
		Matcher phone = PHONE.matcher(masked);
		StringBuilder result = new StringBuilder();
		while (phone.find()) {
			String number = phone.group().replaceAll("[^0-9]", "");
			phone.appendReplacement(result, Matcher.quoteReplacement("***" + number.substring(number.length() - 2)));
		}
		phone.appendTail(result);
		return result.toString();
	}

	private static boolean containsDigitRun(String text) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			if (Character.isDigit(text.charAt(i))) {
				if (++digits >= 3) {
					return true;
				}
			}
			else {
				digits = 0;
			}
		}
		return false;
	}

}

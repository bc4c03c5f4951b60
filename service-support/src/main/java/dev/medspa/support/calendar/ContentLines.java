package dev.medspa.support.calendar;

/**
 * Content lines of iCalendar text (RFC 5545, section 3.1).
 */
public final class ContentLines {

	private static final String CRLF = "\r\n";

	private static final int MAX_LINE_OCTETS = 75;

	private ContentLines() {
	}

	/**
	 * Folds every line so that none passes 75 octets of UTF-8, continuing on a line that
	 * starts with a space, and ends each with CRLF. A code point is never split: ical4j's
	 * own folding counts characters, so a client's accented name could make a line too
	 * long.
	 */
	public static String fold(String unfolded) {
		StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 64);
		for (String line : unfolded.split(CRLF)) {
			int octets = 0;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int size = utf8Length(codePoint);
				if (octets + size > MAX_LINE_OCTETS) {
					folded.append(CRLF).append(' ');
					octets = 1;
				}
				folded.appendCodePoint(codePoint);
				octets += size;
				i += Character.charCount(codePoint);
			}
			folded.append(CRLF);
		}
		return folded.toString();
	}

	private static int utf8Length(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		return (codePoint < 0x10000) ? 3 : 4;
	}

}

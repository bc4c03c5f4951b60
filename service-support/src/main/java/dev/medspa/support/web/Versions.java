package dev.medspa.support.web;

import java.util.OptionalLong;

import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * Optimistic concurrency over HTTP: a read answers with the entity's version as a strong
 * ETag ({@code "3"}); a change must send it back in {@code If-Match}, so that two
 * managers never silently overwrite each other.
 */
public final class Versions {

	private Versions() {
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an {@code If-Match} header expects; empty for {@code *} (any current
	 * version).
	 * @throws Refusal 428 when the header is missing, 412 when it names no version of
	 * ours
	 */
	public static OptionalLong expected(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw Refusal.versionRequired();
		}
		String value = ifMatch.trim();
		if (value.equals("*")) {
			return OptionalLong.empty();
		}
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return OptionalLong.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw new Refusal(Refusal.Kind.STALE, "stale-version", "Stale version",
					"If-Match " + ifMatch + " does not name a version of this resource", null);
		}
	}

}

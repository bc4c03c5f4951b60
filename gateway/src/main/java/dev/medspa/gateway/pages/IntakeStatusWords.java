package dev.medspa.gateway.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.support.security.StaffRole;

/**
 * A booking's intake status and a practitioner's decline reasons in the staff's words,
 * and who may read a booking's health answers: practitioners and managers of its
 * location, as intake-service decides (an owner's role alone does not let them in).
 */
final class IntakeStatusWords {

	/**
	 * The reasons a practitioner may give for declining, in the order the form offers.
	 */
	static final Map<String, String> DECLINE_REASONS;

	static {
		Map<String, String> reasons = new LinkedHashMap<>();
		reasons.put("NOT_SUITABLE_NOW", "Not suitable now");
		reasons.put("CONSULTATION_FIRST", "A consultation first");
		reasons.put("OTHER", "Another reason");
		DECLINE_REASONS = java.util.Collections.unmodifiableMap(reasons);
	}

	private IntakeStatusWords() {
	}

	/**
	 * The status in words, or null when there is none (a booking whose treatment asks for
	 * no forms, or an answer from before booking-service knew of forms).
	 */
	static @Nullable String status(@Nullable Object status) {
		if (status == null) {
			return null;
		}
		return switch (String.valueOf(status)) {
			case "DUE" -> "Forms due";
			case "COMPLETE" -> "Forms complete";
			case "NEEDS_REVIEW" -> "Needs review";
			case "CLEARED" -> "Cleared";
			case "DECLINED" -> "Declined";
			default -> null;
		};
	}

	/**
	 * The day sheet's short mark for a booking that is not ready as far as forms go; null
	 * for one that is (or has no forms).
	 */
	static @Nullable String badge(@Nullable Object status) {
		if (status == null) {
			return null;
		}
		return switch (String.valueOf(status)) {
			case "DUE" -> "forms due";
			case "NEEDS_REVIEW" -> "review";
			default -> null;
		};
	}

	/** A decline reason code in words; the code itself when it is not one we know. */
	static String reason(@Nullable Object code) {
		if (code == null) {
			return "";
		}
		return DECLINE_REASONS.getOrDefault(String.valueOf(code), String.valueOf(code));
	}

	/**
	 * Whether the member may read a booking's health answers at a location: a
	 * practitioner or a manager whose account lists it.
	 */
	static boolean readsHealthAnswers(StaffAccount account, String locationId) {
		return (account.has(StaffRole.PRACTITIONER) || account.has(StaffRole.MANAGER))
				&& account.locations().contains(locationId);
	}

}

package dev.medspa.notification.compose;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How a cancellation is worded when the clinic gave a reason code with it. A practitioner
 * who declined a treatment after reading the client's health answers gives one of the
 * {@code INTAKE_} codes; the message says what was decided and what comes next, never
 * what was answered. An intake code this service does not know yet reads as
 * {@code INTAKE_OTHER}; any other cancellation reads as before.
 */
final class ClinicReasons {

	static final String NOT_SUITABLE_NOW = "INTAKE_NOT_SUITABLE_NOW";

	static final String CONSULTATION_FIRST = "INTAKE_CONSULTATION_FIRST";

	static final String OTHER = "INTAKE_OTHER";

	private ClinicReasons() {
	}

	/**
	 * The template flags for a cancellation: {@code declined} for any of the intake
	 * codes, and one flag for the code itself.
	 */
	static Map<String, Object> words(@Nullable String clinicReason) {
		if (clinicReason == null) {
			return Map.of("declined", false);
		}
		return switch (clinicReason) {
			case NOT_SUITABLE_NOW -> Map.of("declined", true, "notSuitableNow", true);
			case CONSULTATION_FIRST -> Map.of("declined", true, "consultationFirst", true);
			case OTHER -> Map.of("declined", true, "declinedOther", true);
			default -> clinicReason.startsWith("INTAKE_") ? Map.of("declined", true, "declinedOther", true)
					: Map.of("declined", false);
		};
	}

}

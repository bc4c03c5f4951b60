package dev.medspa.gateway.pages;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A booking's ledger (booking-service's {@code /api/staff/bookings/{id}/ledger}) as staff
 * read it: which policy version the client accepted, and each money movement.
 *
 * @param accepted the policy version and when it was accepted, in words
 * @param feeToWaive whether a late-cancel or no-show fee stands that staff may waive
 */
record BookingPayments(String accepted, boolean cardOnFile, List<Line> lines, boolean feeToWaive) {

	private static final List<String> FEES = List.of("LATE_CANCEL_FEE", "NO_SHOW_FEE");

	/**
	 * @param kind what moved, in words
	 * @param amount as money
	 * @param status its state, with the provider's reason where it failed
	 * @param at when it settled, else when it began
	 * @param note why this amount, or why it was waived
	 */
	record Line(String kind, String amount, String status, String at, String note) {
	}

	/** The ledger, or null when the booking was made under no policy. */
	static @Nullable BookingPayments of(Map<String, Object> ledger, String zone) {
		List<Map<String, Object>> lines = Forms.list(ledger.get("lines"));
		if (ledger.get("policyVersion") == null && lines.isEmpty()) {
			return null;
		}
		String accepted = ledger.get("policyVersion") == null ? "No policy accepted"
				: "Policy version " + ledger.get("policyVersion") + (ledger.get("acceptedAt") == null ? ""
						: ", accepted " + Times.full(Instant.parse(String.valueOf(ledger.get("acceptedAt"))), zone));
		boolean feeToWaive = lines.stream()
			.anyMatch(line -> FEES.contains(String.valueOf(line.get("kind"))) && !"WAIVED".equals(line.get("status"))
					&& !"FAILED".equals(line.get("status")));
		return new BookingPayments(accepted, Boolean.TRUE.equals(ledger.get("paymentMethodOnFile")),
				lines.stream().map(line -> line(line, zone)).toList(), feeToWaive);
	}

	private static Line line(Map<String, Object> line, String zone) {
		String kind = switch (String.valueOf(line.get("kind"))) {
			case "CARD" -> "Card kept on file";
			case "DEPOSIT" -> "Deposit";
			case "DEPOSIT_REFUND" -> "Deposit refund";
			case "LATE_CANCEL_FEE" -> "Late-cancellation fee";
			case "NO_SHOW_FEE" -> "No-show fee";
			case "FEE_REFUND" -> "Fee refund";
			case "WAIVER_DEPOSIT_REFUND" -> "Deposit refund (fee waived)";
			default -> String.valueOf(line.get("kind"));
		};
		long amount = line.get("amount") instanceof Number number ? number.longValue() : 0;
		String status = String.valueOf(line.get("status")).toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
				+ (line.get("declineCode") == null ? "" : " (" + line.get("declineCode") + ")");
		Object at = line.get("settledAt") != null ? line.get("settledAt") : line.get("createdAt");
		return new Line(kind, CancellationTerms.money(amount, String.valueOf(line.get("currency"))), status,
				at == null ? "" : Times.full(Instant.parse(String.valueOf(at)), zone),
				line.get("note") == null ? "" : String.valueOf(line.get("note")));
	}

}

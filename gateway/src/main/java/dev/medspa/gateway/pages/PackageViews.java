package dev.medspa.gateway.pages;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * booking-service's prepaid packages in the words the pages show: offers with their
 * price, a client's packages with the sessions left, and what became of the session a
 * booking took from one.
 */
final class PackageViews {

	/**
	 * Booking-service's refusal of a booking that asked for a package session it has not.
	 */
	static final String NO_PACKAGE_CREDIT = "no-package-credit";

	/**
	 * Whether the treatment is sold in a prepaid package, so a booking page offers to pay
	 * with a session of one; false when the offers cannot be read just now.
	 */
	static boolean offered(dev.medspa.gateway.services.Services services, String treatmentId) {
		try {
			return !services.packageOffers(treatmentId).isEmpty();
		}
		catch (dev.medspa.gateway.services.ServiceProblem | org.springframework.web.client.ResourceAccessException ex) {
			return false;
		}
	}

	/**
	 * Says a refusal of the package session at its box, with what to do instead.
	 * @return false for any other refusal
	 */
	static boolean sayRefusal(dev.medspa.gateway.services.ServiceProblem problem, org.springframework.ui.Model model) {
		if (!problem.is(NO_PACKAGE_CREDIT)) {
			return false;
		}
		String why = problem.fieldErrors()
			.getOrDefault("usePackage",
					"No prepaid package for this treatment with a session left for this e-mail address")
			.strip();
		model.addAttribute("fieldErrors", Map.of("usePackage",
				(why.endsWith(".") ? why : why + ".") + " Untick the box to book with the usual terms."));
		return true;
	}

	private PackageViews() {
	}

	/**
	 * A package on sale.
	 *
	 * @param price the whole course, as money
	 * @param perSession what one session comes to, as money
	 */
	record Offer(String id, String treatmentId, String name, int sessions, String price, String perSession) {

		/** The offers that can be read, in the order booking-service gave them. */
		static List<Offer> all(List<Map<String, Object>> offers) {
			List<Offer> read = new ArrayList<>();
			for (Map<String, Object> offer : offers) {
				int sessions = number(offer.get("sessions"));
				if (offer.get("id") == null || sessions <= 0 || Boolean.FALSE.equals(offer.get("active"))) {
					continue;
				}
				long price = amount(offer.get("price"));
				String currency = String.valueOf(offer.getOrDefault("currency", "USD"));
				read.add(new Offer(String.valueOf(offer.get("id")), String.valueOf(offer.get("treatmentId")),
						String.valueOf(offer.get("name")), sessions, CancellationTerms.money(price, currency),
						CancellationTerms.money((price + sessions / 2) / sessions, currency)));
			}
			return List.copyOf(read);
		}

	}

	/**
	 * A client's package with its balance.
	 *
	 * @param status {@code PAID}, {@code PENDING} or {@code DECLINED}
	 * @param purchasedAt in words, in the zone the page shows times in
	 * @param clientName on staff's pages only, else empty
	 */
	record Balance(String id, String name, String treatmentId, int sessions, int remaining, String price, String status,
			String purchasedAt, String clientName, String clientEmail, List<Credit> credits) {

		static Balance of(Map<String, Object> view, String zone) {
			String currency = String.valueOf(view.getOrDefault("currency", "USD"));
			List<Credit> credits = Forms.list(view.get("credits"))
				.stream()
				.map(credit -> new Credit(String.valueOf(credit.get("bookingId")),
						creditState(String.valueOf(credit.get("state")))
								+ (credit.get("note") == null ? "" : " (" + credit.get("note") + ")"),
						when(credit.get("settledAt") != null ? credit.get("settledAt") : credit.get("heldAt"), zone),
						when(credit.get("start"), zone)))
				.toList();
			return new Balance(String.valueOf(view.get("id")), String.valueOf(view.get("name")),
					String.valueOf(view.get("treatmentId")), number(view.get("sessions")),
					number(view.get("remaining")), CancellationTerms.money(amount(view.get("price")), currency),
					String.valueOf(view.get("status")), when(view.get("purchasedAt"), zone),
					text(view.get("clientName")), text(view.get("clientEmail")), credits);
		}

		/** "Micro-needling, course of 3: 2 of 3 sessions left". */
		public String line() {
			return this.name + ": " + balance();
		}

		/** "2 of 3 sessions left". */
		public String balance() {
			return sessionsLeft(this.remaining, this.sessions);
		}

	}

	/**
	 * A session of a package a booking took.
	 *
	 * @param state what became of it, in words
	 * @param at when it last changed, in words
	 * @param start when the booking starts, in words; empty when not known
	 */
	record Credit(String bookingId, String state, String at, String start) {
	}

	/**
	 * The manage page's section: the client's paid packages, and what this booking's
	 * credit came to (null when it is paid otherwise).
	 */
	record ForBooking(List<Balance> packages, @Nullable String thisBooking) {

		static ForBooking of(Map<String, Object> answer, String zone) {
			List<Balance> packages = Forms.list(answer.get("packages"))
				.stream()
				.map(view -> Balance.of(view, zone))
				.toList();
			Map<String, Object> credit = Forms.map(answer.get("thisBooking"));
			return new ForBooking(packages, credit.isEmpty() ? null : thisVisit(credit));
		}

		boolean isEmpty() {
			return this.packages.isEmpty() && this.thisBooking == null;
		}

		private static String thisVisit(Map<String, Object> credit) {
			String name = String.valueOf(credit.get("name"));
			return switch (String.valueOf(credit.get("state"))) {
				case "RETURNED" -> "The session was returned to your package " + name + ".";
				case "FORFEITED" -> "The session was forfeited (late cancellation or missed visit).";
				default -> "This visit uses a session of your package " + name + ".";
			};
		}

	}

	/**
	 * The staff's line for a booking paid with a package ({@code GET
	 * /api/staff/bookings/{id}/package}).
	 */
	static String bookingLine(Map<String, Object> credit) {
		return "Paid with a package: " + credit.get("name") + ", "
				+ sessionsLeft(number(credit.get("remaining")), number(credit.get("sessions"))) + " ("
				+ creditState(String.valueOf(credit.get("state"))) + ")";
	}

	static String sessionsLeft(int remaining, int sessions) {
		return remaining + " of " + sessions + ((sessions == 1) ? " session left" : " sessions left");
	}

	private static String creditState(String state) {
		return switch (state) {
			case "HELD" -> "session held for this visit";
			case "USED" -> "session used";
			case "RETURNED" -> "session returned";
			case "FORFEITED" -> "session forfeited";
			default -> state.toLowerCase(java.util.Locale.ROOT);
		};
	}

	private static String when(@Nullable Object instant, String zone) {
		if (instant == null) {
			return "";
		}
		try {
			return Times.full(Instant.parse(String.valueOf(instant)), zone);
		}
		catch (DateTimeParseException unreadable) {
			return String.valueOf(instant);
		}
	}

	private static int number(@Nullable Object value) {
		return value instanceof Number number ? number.intValue() : 0;
	}

	private static long amount(@Nullable Object value) {
		return value instanceof Number number ? number.longValue() : 0;
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : String.valueOf(value);
	}

}

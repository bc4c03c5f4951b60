package dev.medspa.gateway.pages;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.WebUtils;

/**
 * A client's checkout in their session: the held time, the key that makes a repeated
 * "book" the same booking, and the manage link once booked.
 *
 * @param idempotencyKey sent with every attempt to book this hold
 */
record Checkout(String holdId, String treatmentId, String locationId, String zoneId, OffsetDateTime start,
		String practitionerId, Instant expiresAt, String idempotencyKey, @Nullable String bookingId,
		@Nullable String manageToken) implements Serializable {

	private static final String ATTRIBUTE = "checkouts";

	static Checkout started(String holdId, String treatmentId, String locationId, String zoneId, OffsetDateTime start,
			String practitionerId, Instant expiresAt) {
		return new Checkout(holdId, treatmentId, locationId, zoneId, start, practitionerId, expiresAt,
				UUID.randomUUID().toString(), null, null);
	}

	Checkout booked(String bookingId, @Nullable String manageToken) {
		return new Checkout(this.holdId, this.treatmentId, this.locationId, this.zoneId, this.start,
				this.practitionerId, this.expiresAt, this.idempotencyKey, bookingId,
				manageToken != null ? manageToken : this.manageToken);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Checkout> all(HttpSession session) {
		Object checkouts = session.getAttribute(ATTRIBUTE);
		if (checkouts == null) {
			checkouts = new LinkedHashMap<String, Checkout>();
			session.setAttribute(ATTRIBUTE, checkouts);
		}
		return (Map<String, Checkout>) checkouts;
	}

	/** The session's checkouts not booked yet, removed from it: their holds may go. */
	static java.util.List<Checkout> takeUnbooked(HttpSession session) {
		synchronized (WebUtils.getSessionMutex(session)) {
			Map<String, Checkout> all = all(session);
			java.util.List<Checkout> unbooked = all.values().stream().filter(c -> c.bookingId() == null).toList();
			unbooked.forEach(c -> all.remove(c.holdId()));
			return unbooked;
		}
	}

	static @Nullable Checkout find(HttpSession session, String holdId) {
		synchronized (WebUtils.getSessionMutex(session)) {
			return all(session).get(holdId);
		}
	}

	/**
	 * Keeps the checkout; a booked one is never replaced by an older copy, and its manage
	 * link is kept when a replayed answer comes without it.
	 */
	static void save(HttpSession session, Checkout checkout) {
		synchronized (WebUtils.getSessionMutex(session)) {
			Map<String, Checkout> all = all(session);
			Checkout known = all.get(checkout.holdId());
			Checkout kept = checkout;
			if (known != null && known.bookingId() != null) {
				kept = checkout.bookingId() == null ? known : checkout.booked(checkout.bookingId(),
						checkout.manageToken() != null ? checkout.manageToken() : known.manageToken());
			}
			all.put(kept.holdId(), kept);
			while (all.size() > 10) {
				all.remove(all.keySet().iterator().next());
			}
		}
	}

}

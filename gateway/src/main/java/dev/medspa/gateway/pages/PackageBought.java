package dev.medspa.gateway.pages;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.WebUtils;

/**
 * A package bought in this browser session, kept for its confirmation page, which the
 * purchase redirects to (so a reload does not post again).
 *
 * @param price what was paid, as money
 * @param paid whether the payment has gone through ({@code PAID}); else it is still being
 * confirmed
 */
record PackageBought(String id, String treatmentId, String name, int sessions, int remaining, String price,
		boolean paid) implements Serializable {

	private static final String ATTRIBUTE = "packagesBought";

	static PackageBought of(Map<String, Object> view) {
		String currency = String.valueOf(view.getOrDefault("currency", "USD"));
		return new PackageBought(String.valueOf(view.get("id")), String.valueOf(view.get("treatmentId")),
				String.valueOf(view.get("name")), number(view.get("sessions")), number(view.get("remaining")),
				CancellationTerms.money((view.get("price") instanceof Number price) ? price.longValue() : 0, currency),
				"PAID".equals(view.get("status")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, PackageBought> all(HttpSession session) {
		Object bought = session.getAttribute(ATTRIBUTE);
		if (bought == null) {
			bought = new LinkedHashMap<String, PackageBought>();
			session.setAttribute(ATTRIBUTE, bought);
		}
		return (Map<String, PackageBought>) bought;
	}

	static @Nullable PackageBought find(HttpSession session, String id) {
		synchronized (WebUtils.getSessionMutex(session)) {
			return all(session).get(id);
		}
	}

	/** Keeps the purchase, and the last few only. */
	static void save(HttpSession session, PackageBought bought) {
		synchronized (WebUtils.getSessionMutex(session)) {
			Map<String, PackageBought> all = all(session);
			all.put(bought.id(), bought);
			while (all.size() > 10) {
				all.remove(all.keySet().iterator().next());
			}
			// written again, so that a session kept outside the JVM stores the change
			session.setAttribute(ATTRIBUTE, all);
		}
	}

	private static int number(@Nullable Object value) {
		return (value instanceof Number number) ? number.intValue() : 0;
	}

}

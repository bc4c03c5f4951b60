package dev.medspa.gateway.pages;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * For the pages a link e-mailed to the client opens, the link being their only key (a
 * booking's manage link, a waiting place's, an offer's): no referrer is told where they
 * came from and no cache keeps them.
 */
final class PrivateLinks {

	private PrivateLinks() {
	}

	static void keepPrivate(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

}

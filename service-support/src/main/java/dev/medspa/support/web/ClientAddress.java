package dev.medspa.support.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, as the gateway saw it: the last entry of
 * {@code X-Forwarded-For}, which the gateway appends (entries before it are whatever the
 * caller sent, so they are not trusted), or the connection's address when nothing came
 * through the gateway.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded != null && !forwarded.isBlank()) {
			String[] hops = forwarded.split(",");
			return hops[hops.length - 1].trim();
		}
		return request.getRemoteAddr();
	}

}

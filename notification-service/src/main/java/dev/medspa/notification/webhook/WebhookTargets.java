package dev.medspa.notification.webhook;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which receivers may be called. Outside the allowed hosts of a local installation, only
 * {@code https} URLs without credentials whose host resolves to public addresses only:
 * nothing on loopback, private (RFC 1918, unique-local), link-local (cloud metadata),
 * shared (carrier-grade NAT), multicast or unspecified ranges, so that an endpoint cannot
 * be used to reach the clinic's own network. The check runs at registration and again
 * before every attempt, since a name can be pointed elsewhere later.
 */
public class WebhookTargets {

	private final Set<String> allowedHosts;

	public WebhookTargets(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts.stream()
			.map(host -> host.trim().toLowerCase(Locale.ROOT))
			.filter(host -> !host.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * @return the URL, checked
	 * @throws TargetRefused naming why it may not be called
	 */
	public URI check(String url) {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new TargetRefused("is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost();
		if (!uri.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new TargetRefused("must be an absolute https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new TargetRefused("must not carry a user name or password");
		}
		if (uri.getRawFragment() != null) {
			throw new TargetRefused("must not have a fragment");
		}
		String name = IDN.toASCII(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
			.toLowerCase(Locale.ROOT);
		if (this.allowedHosts.contains(name)) {
			return uri;
		}
		if (!scheme.equals("https")) {
			throw new TargetRefused("must use https");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(name);
		}
		catch (UnknownHostException ex) {
			throw new TargetRefused("names a host that does not resolve");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				throw new TargetRefused("resolves to a private, loopback or link-local address");
			}
		}
		return uri;
	}

	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			boolean thisNetwork = first == 0;
			boolean sharedNat = first == 100 && second >= 64 && second <= 127;
			boolean benchmarking = first == 198 && (second == 18 || second == 19);
			boolean reserved = first >= 240;
			return !(thisNetwork || sharedNat || benchmarking || reserved);
		}
		if (address instanceof Inet6Address) {
			boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
			boolean mappedV4 = isMappedV4(bytes);
			if (mappedV4) {
				try {
					return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
			return !uniqueLocal;
		}
		return false;
	}

	private static boolean isMappedV4(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
	}

	/** A receiver that may not be called, and why. */
	public static class TargetRefused extends RuntimeException {

		public TargetRefused(String reason) {
			super(reason);
		}

	}

}

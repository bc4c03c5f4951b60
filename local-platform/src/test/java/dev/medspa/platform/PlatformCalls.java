package dev.medspa.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.testsupport.SharedInfrastructure;

/**
 * What the tests of the packaged platform do over and over: HTTP calls as a client or a
 * staff member makes them, the mail a client received and what it says, and a figure from
 * a service's metrics scrape.
 */
final class PlatformCalls {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private PlatformCalls() {
	}

	static HttpResponse<String> get(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(String url, String json) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A call with a staff token.
	 * @param json the body, or null for none
	 */
	static HttpResponse<String> staff(String method, String url, String token, String json) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The first string member of this name in a JSON text. */
	static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!value.find()) {
			throw new AssertionError("no " + name + " in " + json);
		}
		return value.group(1);
	}

	static String subject(MimeMessage mail) {
		try {
			return String.valueOf(mail.getSubject());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain-text part of a mail, empty when it has none. */
	static String plainText(Part part) {
		try {
			if (part.isMimeType("text/plain")) {
				return String.valueOf(part.getContent());
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String text = plainText(multipart.getBodyPart(i));
					if (!text.isEmpty()) {
						return text;
					}
				}
			}
			return "";
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every mail the shared SMTP server received for the address. */
	static List<MimeMessage> mailTo(String address) {
		return SharedInfrastructure.get().mail().receivedBy(address);
	}

	/**
	 * The sum of the samples of a meter in a service's Prometheus scrape whose labels
	 * contain all those given; NaN if there is none.
	 */
	static double metric(String service, String scrapePassword, String name, String... labels) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString(("prometheus:" + scrapePassword).getBytes(StandardCharsets.UTF_8));
		String scrape = HTTP
			.send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
				.header("Authorization", "Basic " + credentials)
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher sample = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
		double total = Double.NaN;
		while (sample.find()) {
			String found = sample.group(1);
			if (Arrays.stream(labels).allMatch(found::contains)) {
				total = (Double.isNaN(total) ? 0 : total) + Double.parseDouble(sample.group(2));
			}
		}
		return total;
	}

}

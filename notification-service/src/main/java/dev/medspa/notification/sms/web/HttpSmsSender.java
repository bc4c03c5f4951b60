package dev.medspa.notification.sms.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import dev.medspa.notification.sms.PhoneNumbers;
import dev.medspa.notification.sms.SmsProperties;
import dev.medspa.notification.sms.SmsSender;
import dev.medspa.notification.sms.SmsUnavailable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Posts each message to an HTTP provider. The message id goes along as the provider's
 * idempotency key, so a retry after a lost answer does not text the client twice. Only a
 * 4xx answer is a refusal for good, except 408 and 429 (throttling) and 401 and 403: a
 * wrong or expired API key is the clinic's to fix, and the messages should go once it is.
 * Those, server errors, timeouts and network errors are {@link SmsUnavailable}, for the
 * caller to retry.
 */
public class HttpSmsSender implements SmsSender {

	private static final java.util.Set<Integer> RETRYABLE = java.util.Set.of(401, 403,
			HttpStatus.REQUEST_TIMEOUT.value(), HttpStatus.TOO_MANY_REQUESTS.value());

	private static final Logger log = LoggerFactory.getLogger(HttpSmsSender.class);

	private static final int MAX_REASON_LENGTH = 200;

	private final RestClient http;

	private final URI url;

	private final @Nullable String apiKey;

	private final String defaultCountryCode;

	public HttpSmsSender(SmsProperties properties) {
		URI url = properties.url();
		if (url == null) {
			throw new IllegalArgumentException("An HTTP SMS provider needs a url");
		}
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.timeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder().requestFactory(requests).build();
		this.url = url;
		this.apiKey = properties.apiKey();
		this.defaultCountryCode = properties.defaultCountryCode();
	}

	@Override
	public void send(Sms sms) {
		String to = PhoneNumbers.toE164(sms.to(), this.defaultCountryCode);
		HttpStatusCode status;
		try {
			status = this.http.post()
				.uri(this.url)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.headers((headers) -> {
					if (this.apiKey != null && !this.apiKey.isBlank()) {
						headers.setBearerAuth(this.apiKey);
					}
					headers.set("Idempotency-Key", sms.id());
				})
				.body(new Message(to, sms.text(), sms.id()))
				.exchangeForRequiredValue((request, response) -> check(sms.id(), response));
		}
		catch (RestClientException ex) {
			throw new SmsUnavailable("SMS " + sms.id() + " not handed over: " + ex.getMessage(), ex);
		}
		log.info("SMS {} to {} accepted by the provider ({})", sms.id(), PhoneNumbers.masked(to), status.value());
	}

	private static HttpStatusCode check(String id, ClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (status.is2xxSuccessful()) {
			return status;
		}
		String answer = "SMS " + id + " answered " + status.value() + reason(response);
		if (status.is4xxClientError() && !RETRYABLE.contains(status.value())) {
			throw new SmsRejected(answer, null);
		}
		throw new SmsUnavailable(answer, null);
	}

	/** The start of the provider's answer, on one line: enough to see why. */
	private static String reason(ClientHttpResponse response) {
		byte[] start;
		try (InputStream body = response.getBody()) {
			start = body.readNBytes(MAX_REASON_LENGTH);
		}
		catch (IOException ex) {
			return "";
		}
		String text = new String(start, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
		return text.isEmpty() ? "" : ": " + text;
	}

	/** What the provider receives for one message. */
	record Message(String to, String text, String reference) {
	}

}

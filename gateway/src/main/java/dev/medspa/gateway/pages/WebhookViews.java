package dev.medspa.gateway.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.medspa.gateway.services.ServiceProblem;

/**
 * What the webhook pages show of notification-service's answers: event types as words,
 * each endpoint's health as one badge, deliveries as rows, times in UTC (owners of a
 * chain across zones read one clock there), and a refusal's fields in plain words.
 */
final class WebhookViews {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a 'UTC'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final String TYPE_PREFIX = "dev.medspa.";

	private WebhookViews() {
	}

	/** "dev.medspa.booking.checked-in" as "Booking checked in". */
	static String typeLabel(@Nullable Object type) {
		String text = String.valueOf(type);
		String words = (text.startsWith(TYPE_PREFIX) ? text.substring(TYPE_PREFIX.length()) : text).replace('.', ' ')
			.replace('-', ' ');
		return words.isEmpty() ? text : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** The event types as check boxes: each type with its words. */
	static List<Map<String, String>> typeOptions(List<String> types) {
		List<Map<String, String>> options = new ArrayList<>();
		for (String type : types) {
			options.add(Map.of("type", type, "label", typeLabel(type)));
		}
		return options;
	}

	/** An instant of the service's JSON as "Dec 1, 2026, 6:00:05 PM UTC"; "" for none. */
	static String time(@Nullable Object instant) {
		if (instant == null) {
			return "";
		}
		try {
			return UTC.format(Instant.parse(String.valueOf(instant)));
		}
		catch (DateTimeParseException ex) {
			return String.valueOf(instant);
		}
	}

	/** Now, in words, for the replay form's hint. */
	static String now(Instant now) {
		return UTC.format(now);
	}

	/** An instant as a datetime-local field holds it, in UTC, to the minute. */
	static String field(Instant instant) {
		return FIELD.format(instant);
	}

	/** An endpoint as a row of the list, and the facts of its page. */
	static Map<String, Object> endpoint(Map<String, Object> endpoint) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", String.valueOf(endpoint.get("id")));
		row.put("url", String.valueOf(endpoint.get("url")));
		row.put("description", String.valueOf(endpoint.get("description")));
		List<String> types = new ArrayList<>();
		if (endpoint.get("types") instanceof List<?> list) {
			list.forEach(type -> types.add(String.valueOf(type)));
		}
		row.put("types", types);
		row.put("typeLabels", String.join(", ", types.stream().map(WebhookViews::typeLabel).toList()));
		row.put("ordered", Boolean.TRUE.equals(endpoint.get("ordered")));
		row.put("contactEmail", String.valueOf(endpoint.get("contactEmail")));
		row.put("created", time(endpoint.get("createdAt")));
		row.put("createdBy", String.valueOf(endpoint.get("createdBy")));
		row.put("twoSecrets", endpoint.get("secretsSigning") instanceof Number n && n.intValue() > 1);
		row.putAll(health(endpoint));
		return row;
	}

	/**
	 * One badge for how the endpoint is doing ({@code healthKind} styles it), and a line
	 * that says since when.
	 */
	static Map<String, String> health(Map<String, Object> endpoint) {
		String lastSuccess = time(endpoint.get("lastSuccessAt"));
		String since = time(endpoint.get("failingSince"));
		if (Boolean.TRUE.equals(endpoint.get("flagged"))) {
			return Map.of("healthKind", "flagged", "health", "Flagged — contact told", "healthNote",
					"Failing since " + since + "; " + endpoint.get("contactEmail") + " was told on "
							+ time(endpoint.get("flaggedAt")) + ". Deliveries keep being tried.");
		}
		if (Boolean.TRUE.equals(endpoint.get("failing"))) {
			return Map.of("healthKind", "failing", "health", "Failing since " + since, "healthNote",
					lastSuccess.isEmpty() ? "Nothing has been delivered yet." : "Last delivered " + lastSuccess + ".");
		}
		if (!lastSuccess.isEmpty()) {
			return Map.of("healthKind", "ok", "health", "Delivering", "healthNote",
					"Last delivered " + lastSuccess + ".");
		}
		return Map.of("healthKind", "new", "health", "Nothing sent yet", "healthNote",
				"Nothing has been delivered to it yet.");
	}

	/** The delivery log as rows, newest first as the service answers. */
	static List<Map<String, Object>> deliveries(List<Map<String, Object>> deliveries) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> delivery : deliveries) {
			String status = String.valueOf(delivery.get("status"));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", String.valueOf(delivery.get("id")));
			row.put("webhookId", String.valueOf(delivery.get("webhookId")));
			row.put("type", String.valueOf(delivery.get("type")));
			row.put("typeLabel", typeLabel(delivery.get("type")));
			row.put("subject", String.valueOf(delivery.get("subject")));
			row.put("status", status);
			row.put("statusLabel", statusLabel(status));
			row.put("created", time(delivery.get("createdAt")));
			row.put("when", switch (status) {
				case "PENDING" -> "next try " + time(delivery.get("nextAttemptAt"));
				case "DELIVERED" -> "delivered " + time(delivery.get("settledAt"));
				case "FAILED" -> "gave up " + time(delivery.get("settledAt"));
				default -> "dropped " + time(delivery.get("settledAt"));
			});
			row.put("attemptCount", delivery.get("attemptCount") instanceof Number n ? n.intValue() : 0);
			row.put("lastAnswer", answer(delivery.get("lastStatus"), delivery.get("lastError")));
			row.put("latency", latency(delivery.get("lastLatencyMillis")));
			List<Map<String, String>> attempts = new ArrayList<>();
			for (Map<String, Object> attempt : Forms.list(delivery.get("attempts"))) {
				attempts.add(Map.of("at", time(attempt.get("at")), "answer",
						answer(attempt.get("status"), attempt.get("error")), "latency",
						latency(attempt.get("latencyMillis"))));
			}
			row.put("attempts", attempts);
			row.put("canReplay", Boolean.TRUE.equals(delivery.get("replayable"))
					&& ("DELIVERED".equals(status) || "FAILED".equals(status)));
			rows.add(row);
		}
		return rows;
	}

	static String statusLabel(String status) {
		return switch (status) {
			case "PENDING" -> "Waiting to be sent";
			case "DELIVERED" -> "Delivered";
			case "FAILED" -> "Failed";
			case "DROPPED" -> "Dropped";
			default -> status;
		};
	}

	/** The receiver's answer code, or why there was none. */
	private static String answer(@Nullable Object status, @Nullable Object error) {
		if (status instanceof Number code) {
			return error == null ? String.valueOf(code.intValue()) : code.intValue() + ": " + error;
		}
		return error == null ? "—" : "no answer: " + error;
	}

	private static String latency(@Nullable Object millis) {
		return millis instanceof Number number ? number.longValue() + " ms" : "—";
	}

	/**
	 * The service's refusal of an endpoint form, by the form's field names ({@code url},
	 * {@code description}, {@code types}, {@code contactEmail}), in plain words.
	 */
	static Map<String, String> fieldMessages(ServiceProblem problem) {
		Map<String, String> messages = new LinkedHashMap<>();
		problem.fieldErrors().forEach((field, reason) -> {
			String name = field.replaceAll("\\[\\d+]$", "");
			messages.putIfAbsent(name, fieldMessage(name, reason, problem.is("webhook-target-refused")));
		});
		if (problem.is("webhook-target-refused") && messages.isEmpty()) {
			messages.put("url", problem.detail());
		}
		return messages;
	}

	private static String fieldMessage(String field, String reason, boolean targetRefused) {
		boolean missing = reason.contains("blank") || reason.contains("empty") || reason.contains("null");
		return switch (field) {
			case "url" -> targetRefused ? reason + "."
					: missing ? "Give the address that should receive the events." : "The URL " + reason + ".";
			case "description" -> missing ? "Say in a few words what this endpoint is, such as \"Accounting system\"."
					: "The description " + reason + ".";
			case "types" -> missing ? "Choose at least one kind of event to send."
					: "Choose the events from the list (" + reason + ").";
			case "contactEmail" -> missing ? "Give an e-mail address to tell when this endpoint keeps failing."
					: "Give a contact e-mail address we can write to (" + reason + ").";
			default -> field + " " + reason + ".";
		};
	}

}

package dev.medspa.gateway.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a client types to join a treatment's waitlist: where (one location or any), the
 * dates, the parts of the day and the weekdays that suit (none ticked: any), and how to
 * reach them. booking-service checks it; the page shows its field errors next to each
 * field.
 */
public class WaitlistForm extends ClientForm {

	static final List<String> PARTS_OF_DAY = List.of("MORNING", "AFTERNOON", "EVENING");

	static final List<String> WEEKDAYS = java.util.Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();

	private String treatmentId = "";

	private String locationId = "";

	private String from = "";

	private String to = "";

	private List<String> partsOfDay = new ArrayList<>();

	private List<String> weekdays = new ArrayList<>();

	public String getTreatmentId() {
		return this.treatmentId;
	}

	public void setTreatmentId(String treatmentId) {
		this.treatmentId = treatmentId;
	}

	/** A location's id, or empty for any location that offers the treatment. */
	public String getLocationId() {
		return this.locationId;
	}

	public void setLocationId(String locationId) {
		this.locationId = locationId;
	}

	/** The first day that suits, as a date input sends it ({@code 2026-12-03}). */
	public String getFrom() {
		return this.from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	/** The last day that suits. */
	public String getTo() {
		return this.to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public List<String> getPartsOfDay() {
		return this.partsOfDay;
	}

	public void setPartsOfDay(List<String> partsOfDay) {
		this.partsOfDay = partsOfDay;
	}

	public List<String> getWeekdays() {
		return this.weekdays;
	}

	public void setWeekdays(List<String> weekdays) {
		this.weekdays = weekdays;
	}

	/**
	 * The dates the page can tell are unreadable without asking the service (a browser
	 * without a date picker sends what was typed), by the API's field names.
	 */
	Map<String, String> unreadable() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!readable(this.from)) {
			errors.put("from", "must be a date such as 2026-12-03");
		}
		if (!readable(this.to)) {
			errors.put("to", "must be a date such as 2026-12-20");
		}
		return errors;
	}

	/** The body of {@code POST /api/waitlist}. */
	Map<String, Object> request() {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("treatmentId", this.treatmentId.strip());
		request.put("locationId", BookingPages.blankToNull(this.locationId.strip()));
		request.put("from", BookingPages.blankToNull(this.from.strip()));
		request.put("to", BookingPages.blankToNull(this.to.strip()));
		request.put("partsOfDay", chosen(this.partsOfDay));
		request.put("weekdays", chosen(this.weekdays));
		request.put("client", client());
		return request;
	}

	/**
	 * The service's field errors by the field the page shows them at: {@code weekdays[2]}
	 * is shown at the weekdays.
	 */
	static Map<String, String> byField(Map<String, String> errors) {
		Map<String, String> fields = new LinkedHashMap<>();
		errors.forEach((field, reason) -> fields.putIfAbsent(field.replaceAll("\\[\\d*]$", ""), reason));
		return fields;
	}

	private static List<String> chosen(@Nullable List<String> values) {
		return values == null ? List.of()
				: values.stream()
					.filter(value -> value != null && !value.isBlank())
					.map(String::strip)
					.distinct()
					.toList();
	}

	private static boolean readable(String date) {
		if (date.isBlank()) {
			// the service names a missing date itself
			return true;
		}
		try {
			LocalDate.parse(date.strip());
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}

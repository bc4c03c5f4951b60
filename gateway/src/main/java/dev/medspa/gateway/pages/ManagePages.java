package dev.medspa.gateway.pages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's own page for a booking, opened by the link in their e-mail: see it, move
 * it with the same calendar as booking, cancel it after a confirmation. The link is the
 * only key, so the page tells no referrer where it came from.
 */
@Controller
@RequestMapping("/manage/{token}")
class ManagePages {

	private final Services services;

	private final Catalog catalog;

	private final BookingPages booking;

	private final PagesProperties properties;

	private final Clock clock;

	ManagePages(Services services, Catalog catalog, BookingPages booking, PagesProperties properties, Clock clock) {
		this.services = services;
		this.catalog = catalog;
		this.booking = booking;
		this.properties = properties;
		this.clock = clock;
	}

	@ModelAttribute
	void noReferrer(HttpServletResponse response) {
		PrivateLinks.keepPrivate(response);
	}

	@GetMapping
	String view(@PathVariable String token, Model model) {
		Managed managed = describe(token, model);
		model.addAttribute("packages", packages(token, managed.location().zoneId()));
		return "client/manage";
	}

	/**
	 * The client's prepaid packages and this visit's session of one, or null when they
	 * cannot be read just now (the page goes without them).
	 */
	private PackageViews.@Nullable ForBooking packages(String token, String zone) {
		try {
			PackageViews.ForBooking packages = PackageViews.ForBooking.of(this.services.managedPackages(token), zone);
			return packages.isEmpty() ? null : packages;
		}
		catch (ServiceProblem | org.springframework.web.client.ResourceAccessException ex) {
			return null;
		}
	}

	@GetMapping("/move")
	String chooseDay(@PathVariable String token, @RequestParam(required = false) @Nullable YearMonth month,
			Model model) {
		Managed managed = describe(token, model);
		model.addAttribute("calendar", this.booking.calendar(managed.treatment().id().value(),
				managed.location().id().value(), managed.location().zoneId(), month, null));
		model.addAttribute("practitioner", null);
		model.addAttribute("practitioners", java.util.List.of());
		model.addAttribute("base", "/manage/" + token + "/move");
		return "client/book-day";
	}

	@GetMapping("/move/{date}")
	String chooseTime(@PathVariable String token,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
		Managed managed = describe(token, model);
		model.addAttribute("date", date);
		model.addAttribute("dayLabel", Times.day(date));
		model.addAttribute("practitioner", null);
		model.addAttribute("times",
				this.booking.times(managed.treatment().id().value(), managed.location(), date, null));
		model.addAttribute("zoneName", Times.zoneName(date, managed.location().zoneId()));
		model.addAttribute("holdAction", "/manage/" + token + "/move");
		model.addAttribute("back", "/manage/" + token + "/move?month=" + YearMonth.from(date));
		return "client/book-time";
	}

	@PostMapping("/move")
	String move(@PathVariable String token, @RequestParam("slot") String startText, RedirectAttributes redirect) {
		OffsetDateTime start = Times.parseStart(startText);
		try {
			this.services.reschedule(token, start, null);
			redirect.addFlashAttribute("done", "Your appointment has been moved. We have sent you an updated invite.");
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound(GONE);
			}
			redirect.addFlashAttribute("problem", Problems.explain(problem));
		}
		return "redirect:/manage/" + token;
	}

	@GetMapping("/cancel")
	String confirmCancel(@PathVariable String token, Model model) {
		Managed managed = describe(token, model);
		model.addAttribute("lateWarning", lateWarning(token, managed.location().zoneId()));
		return "client/manage-cancel";
	}

	/**
	 * What a cancellation now would cost, said before the client confirms it; null when
	 * it costs nothing, or when that cannot be read just now.
	 */
	private @Nullable String lateWarning(String token, String zone) {
		@Nullable Map<String, Object> terms;
		try {
			terms = this.services.cancellationTerms(token);
		}
		catch (ServiceProblem | org.springframework.web.client.ResourceAccessException ex) {
			return null;
		}
		if (terms == null || !Boolean.TRUE.equals(terms.get("lateNow"))) {
			return null;
		}
		String since = terms.get("lateFrom") == null ? ""
				: " (since " + Times.full(java.time.Instant.parse(String.valueOf(terms.get("lateFrom"))), zone) + ")";
		if (Boolean.TRUE.equals(terms.get("packageSession"))) {
			return "This is a late cancellation" + since
					+ ": the session of your prepaid package is used up and does not go back to the package.";
		}
		long fee = terms.get("fee") instanceof Number number ? number.longValue() : 0;
		long deposit = terms.get("depositHeld") instanceof Number number ? number.longValue() : 0;
		String currency = String.valueOf(terms.get("currency"));
		return "This is a late cancellation" + since + ": the late-cancellation fee of "
				+ CancellationTerms.money(fee, currency) + " applies"
				+ (deposit > 0
						? ", and your deposit of " + CancellationTerms.money(deposit, currency) + " counts towards it."
						: ".");
	}

	@PostMapping("/cancel")
	String cancel(@PathVariable String token, RedirectAttributes redirect) {
		try {
			this.services.cancel(token);
			redirect.addFlashAttribute("done", "Your appointment has been cancelled. We have sent you a confirmation.");
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				throw new PageNotFound(GONE);
			}
			redirect.addFlashAttribute("problem", Problems.explain(problem));
		}
		return "redirect:/manage/" + token;
	}

	/**
	 * The appointment for the client's calendar, with the same UID as the invite
	 * e-mailed.
	 */
	@GetMapping("/calendar.ics")
	ResponseEntity<byte[]> calendar(@PathVariable String token) {
		Managed managed = load(token);
		String ics = CalendarFile.of(managed, this.clock.instant());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("appointment.ics").build().toString())
			.header("Referrer-Policy", "no-referrer")
			.body(ics.getBytes(StandardCharsets.UTF_8));
	}

	private static final String GONE = "This link does not open an appointment. It may be mistyped or expired; "
			+ "the clinic can help by phone.";

	private Managed describe(String token, Model model) {
		Managed managed = load(token);
		model.addAttribute("token", token);
		model.addAttribute("booking", managed.booking());
		model.addAttribute("treatment", managed.treatment());
		model.addAttribute("location", managed.location());
		model.addAttribute("when", Times.full(managed.start(), managed.location().zoneId()));
		OffsetDateTime cutoff = managed.start().minus(this.properties.clientChangeCutoff());
		model.addAttribute("changeableUntil", Times.full(cutoff, managed.location().zoneId()));
		boolean active = "CONFIRMED".equals(managed.booking().get("status"));
		model.addAttribute("active", active);
		model.addAttribute("changeable", active && this.clock.instant().isBefore(cutoff.toInstant()));
		return managed;
	}

	private Managed load(String token) {
		Map<String, Object> booking = this.services.managed(token).orElseThrow(() -> new PageNotFound(GONE));
		TreatmentState treatment = this.catalog.treatment(String.valueOf(booking.get("treatmentId")))
			.orElseThrow(() -> new PageNotFound(GONE));
		LocationState location = this.catalog.location(String.valueOf(booking.get("locationId")))
			.orElseThrow(() -> new PageNotFound(GONE));
		return new Managed(booking, treatment, location, OffsetDateTime.parse(String.valueOf(booking.get("start"))),
				OffsetDateTime.parse(String.valueOf(booking.get("end"))));
	}

	record Managed(Map<String, Object> booking, TreatmentState treatment, LocationState location, OffsetDateTime start,
			OffsetDateTime end) {
	}

}

package dev.medspa.booking.series.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.medspa.booking.reservation.Client;
import dev.medspa.booking.reservation.web.BookingView;
import dev.medspa.booking.reservation.web.ClientLimits;
import dev.medspa.booking.reservation.web.ContactRequest;
import dev.medspa.booking.reservation.web.PolicyConsent;
import dev.medspa.booking.series.SeriesBookings;
import dev.medspa.support.Refusal;
import dev.medspa.support.security.StaffClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A whole course in one go: the proposed dates first (each adjustable), then one request
 * that books every session or none.
 */
@RestController
@Tag(name = "Series", description = "Booking a whole course of sessions at once")
class SeriesController {

	private final SeriesBookings series;

	private final ClientLimits limits;

	SeriesController(SeriesBookings series, ClientLimits limits) {
		this.series = series;
		this.limits = limits;
	}

	/**
	 * The sessions of the treatment's course from a first start, at its recommended
	 * spacing, each at the free start nearest the same time of day (null when none is
	 * free that week).
	 */
	@Operation(summary = "Propose the dates of a course",
			description = "From a `first` start (with offset), the sessions of the `treatment`'s course at `location`, at "
					+ "its recommended spacing, each at the free start nearest the same time of day, or null when none "
					+ "is free that week. Adjust them before booking.")
	@GetMapping("/api/series/proposal")
	List<SeriesBookings.Proposed> propose(@RequestParam String treatment, @RequestParam String location,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime first) {
		return this.series.propose(treatment, location, first.toZonedDateTime());
	}

	/**
	 * @param starts each session's start; the spacing between them is checked against the
	 * series' minimum
	 * @param emailCode the code e-mailed to the client: a series reads their history
	 * @param usePackage every session paid with a session of the client's prepaid package
	 */
	record SeriesRequest(@NotBlank @Size(max = 100) @Nullable String treatmentId,
			@NotBlank @Size(max = 100) @Nullable String locationId,
			@NotEmpty @Size(max = 12) @Nullable List<@NotNull OffsetDateTime> starts,
			@NotNull @Valid @Nullable ContactRequest client, @Size(max = 12) @Nullable String emailCode,
			@Valid PolicyConsent.@Nullable Acceptance policyAcceptance,
			@Size(max = 255) @Pattern(regexp = PolicyConsent.TOKEN) @Nullable String paymentMethod,
			@Nullable Boolean usePackage) {
	}

	/** The series booked: each session with its own manage link. */
	record SeriesView(String seriesId, List<BookingView.Created> sessions) {
	}

	@Operation(summary = "Book every session of a course, or none",
			description = "Books all `starts` (at least the series' minimum spacing apart: 422 `series-spacing`) in one "
					+ "request, or nothing when one cannot be had. Answers 201 with the series id and each session with "
					+ "its own manage link. A series reads the client's history, so it needs `emailCode` (POST "
					+ "/api/email-codes). Where the treatment has a cancellation policy, `policyAcceptance` and "
					+ "`paymentMethod` as for one booking; each session takes its own deposit, and a declined card books "
					+ "none. `usePackage: true` pays every session with a session of the client's prepaid package "
					+ "instead (422 `no-package-credit` when fewer are left than the course has). 429 when an address, "
					+ "e-mail or phone books too often.")
	@PostMapping("/api/series")
	ResponseEntity<SeriesView> book(@Valid @RequestBody SeriesRequest request, HttpServletRequest http) {
		Client client = client(request);
		this.limits.booking(http, client.email(), client.phone());
		return created(this.series.book(asked(request, client, false)));
	}

	@Operation(summary = "Book a course for a client, as staff",
			description = "Like the client's request, without the e-mail code, at a location the caller works at (403 "
					+ "otherwise).")
	@PostMapping("/api/staff/series")
	ResponseEntity<SeriesView> staffBook(@Valid @RequestBody SeriesRequest request, Authentication caller) {
		if (!StaffClaims.worksAt(caller, Objects.requireNonNull(request.locationId()))) {
			throw Refusal.forbidden("You do not work at " + request.locationId());
		}
		return created(this.series.book(asked(request, client(request), true)));
	}

	private static SeriesBookings.Request asked(SeriesRequest request, Client client, boolean byStaff) {
		return new SeriesBookings.Request(Objects.requireNonNull(request.treatmentId()),
				Objects.requireNonNull(request.locationId()),
				Objects.requireNonNull(request.starts()).stream().map(OffsetDateTime::toZonedDateTime).toList(), client,
				byStaff ? null : request.emailCode(), byStaff,
				request.policyAcceptance() == null ? null : request.policyAcceptance().version(),
				request.paymentMethod(), Boolean.TRUE.equals(request.usePackage()));
	}

	private static Client client(SeriesRequest request) {
		return Objects.requireNonNull(request.client()).toClient();
	}

	private static ResponseEntity<SeriesView> created(SeriesBookings.Booked booked) {
		return ResponseEntity.created(URI.create("/api/staff/bookings/" + booked.sessions().get(0).booking().id()))
			.body(new SeriesView(booked.seriesId(),
					booked.sessions()
						.stream()
						.map(session -> BookingView.created(session.booking(), session.manageToken()))
						.toList()));
	}

}

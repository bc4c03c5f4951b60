package dev.medspa.booking.series;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.medspa.booking.availability.Availability;
import dev.medspa.booking.availability.SlotRules;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.catalog.CatalogTreatment;
import dev.medspa.booking.reservation.Booking;
import dev.medspa.booking.reservation.BookingService;
import dev.medspa.booking.reservation.BookingStatus;
import dev.medspa.booking.reservation.Client;
import dev.medspa.booking.reservation.Eligibility;
import dev.medspa.booking.reservation.EmailProof;
import dev.medspa.booking.prepaid.Packages;
import dev.medspa.booking.reservation.NewBooking;
import dev.medspa.events.BookingId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Books the sessions of a series in one go. First each session's time is held (a hold
 * lets go by itself after {@link #HOLD_FOR}); if one cannot be had, the holds taken are
 * released and the answer says which session failed and the nearest starts that day. Then
 * each hold becomes a booking. The series' record says how far it got; the sweeper
 * finishes a series whose every session is booked and undoes any other that a crash cut
 * short, so no claim and no lone session outlives it.
 */
@Service
public class SeriesBookings {

	private static final Logger log = LoggerFactory.getLogger(SeriesBookings.class);

	/** How long the sessions stay held while the series is booked. */
	static final Duration HOLD_FOR = Duration.ofMinutes(2);

	public static final String PENDING = "series_pending";

	private final SeriesStore store;

	private final BookingService bookings;

	private final CatalogReadModel catalog;

	private final Availability availability;

	private final Eligibility eligibility;

	private final EmailProof emailProof;

	private final Clock clock;

	private final Packages packages;

	SeriesBookings(SeriesStore store, BookingService bookings, CatalogReadModel catalog, Availability availability,
			Eligibility eligibility, EmailProof emailProof, Clock clock, Packages packages) {
		this.packages = packages;
		this.store = store;
		this.bookings = bookings;
		this.catalog = catalog;
		this.availability = availability;
		this.eligibility = eligibility;
		this.emailProof = emailProof;
		this.clock = clock;
	}

	/**
	 * A proposed session: the day it is due, and the free start nearest the time asked.
	 */
	public record Proposed(int session, LocalDate due, @Nullable ZonedDateTime start) {
	}

	/**
	 * The sessions of a course from a first start at the series' recommended spacing,
	 * each at the free start nearest the same time of day on its day (or within the week
	 * after, never earlier, so the spacing is kept).
	 */
	public List<Proposed> propose(String treatmentId, String locationId, ZonedDateTime first) {
		CatalogTreatment treatment = seriesTreatment(treatmentId);
		CatalogLocation location = location(locationId);
		ZonedDateTime local = first.withZoneSameInstant(location.zone());
		List<Proposed> proposed = new ArrayList<>();
		for (int session = 0; session < treatment.seriesSessions(); session++) {
			ZonedDateTime wanted = local
				.plus(java.util.Objects.requireNonNull(treatment.seriesRecommendedSpacing()).multipliedBy(session));
			proposed.add(new Proposed(session + 1, wanted.toLocalDate(),
					nearestFree(treatment, location, wanted, 7).orElse(null)));
		}
		return proposed;
	}

	/**
	 * What a series booking asks.
	 *
	 * @param acceptedPolicyVersion the treatment's cancellation policy version the client
	 * accepted, for every session, where it has one
	 * @param paymentMethod the provider's card token: each session takes its own deposit
	 * @param usePackage each session is paid with a session of the client's prepaid
	 * package instead, which must have one left for every session
	 */
	public record Request(String treatmentId, String locationId, List<ZonedDateTime> starts, Client client,
			@Nullable String emailCode, boolean byStaff, @Nullable Integer acceptedPolicyVersion,
			@Nullable String paymentMethod, boolean usePackage) {
	}

	/** A booked series: its id and each session's booking with the client's key. */
	public record Booked(String seriesId, List<BookingService.Booked> sessions) {
	}

	public Booked book(Request request) {
		CatalogTreatment treatment = seriesTreatment(request.treatmentId());
		CatalogLocation location = location(request.locationId());
		List<Instant> starts = request.starts().stream().map(ZonedDateTime::toInstant).toList();
		checkSpacing(treatment, starts);
		Instant horizon = this.clock.instant().plus(this.availability.policy().horizon());
		if (starts.get(0).isAfter(horizon)) {
			throw Refusal.unprocessable("outside-booking-window", "Outside the booking window", "starts[0]",
					"The first session must be within " + this.availability.policy().horizon().toDays()
							+ " days; the later ones may follow at the course's spacing");
		}
		if (!request.byStaff() && (EmailProof.needed(treatment) || request.usePackage())) {
			this.emailProof.require(request.client(), request.emailCode());
		}
		if (request.usePackage()) {
			int left = this.packages.sessionsLeft(request.client().normalizedEmail(), treatment.id());
			if (left < starts.size()) {
				throw Refusal.unprocessable(Packages.NO_CREDIT, "Not enough package sessions left", "usePackage",
						"The course has " + starts.size() + " sessions and this e-mail address's prepaid packages "
								+ "for the treatment have " + left + " left; nothing was booked");
			}
		}
		for (int i = 0; i < starts.size(); i++) {
			try {
				this.eligibility.check(treatment, request.client(), starts.get(i), null);
			}
			catch (Refusal refused) {
				throw refused.with("session", i + 1);
			}
		}
		Instant now = this.clock.instant();
		Series series = new Series(UUID.randomUUID().toString(), treatment.id(), location.id(), location.zoneId(),
				starts, request.client(), request.byStaff(), SeriesStatus.HOLDING, null, now,
				now.plus(HOLD_FOR.multipliedBy(2)), 1);
		this.store.add(series);
		List<String> holds = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			ZonedDateTime start = starts.get(i).atZone(location.zone());
			try {
				holds.add(
						this.bookings
							.hold(treatment.id(), location.id(), start.toOffsetDateTime(), null, series.holdName(i),
									HOLD_FOR, reaching(treatment))
							.holdId());
			}
			catch (Refusal refused) {
				holds.forEach(this.bookings::releaseHold);
				end(series, SeriesStatus.FAILED, "session " + (i + 1) + ": " + refused.code());
				throw Refusal
					.conflict("series-session-unavailable", "A session cannot be had", "starts[" + i + "]",
							"Session " + (i + 1) + " on " + start.toLocalDate() + " cannot be had: "
									+ refused.getMessage() + " Nothing was booked; choose another time for it.")
					.with("session", i + 1)
					.with("nearestStarts", nearestStarts(treatment, location, start));
			}
		}
		Series booking = series.with(SeriesStatus.BOOKING, null);
		this.store.store(series, booking);
		List<BookingService.Booked> booked = new ArrayList<>();
		List<BookingId> sessions = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			sessions.add(new BookingId(series.bookingId(i)));
		}
		try {
			for (int i = 0; i < starts.size(); i++) {
				booked.add(
						this.bookings.book(
								NewBooking
									.seriesSession(treatment.id(), location.id(),
											starts.get(i).atZone(location.zone()).toOffsetDateTime(), request.client(),
											holds.get(i), request.byStaff(),
											new BookingConfirmed.SeriesSession(series.id(), i + 1,
													List.copyOf(sessions)))
									.withPolicy(request.acceptedPolicyVersion(), request.paymentMethod())
									.payingWithPackage(request.usePackage()),
								series.bookingId(i)));
			}
		}
		catch (RuntimeException cutShort) {
			undo(booking, "booking a session failed: " + cutShort.getMessage());
			throw cutShort;
		}
		end(booking, SeriesStatus.CONFIRMED, null);
		return new Booked(series.id(), booked);
	}

	/**
	 * Finishes or undoes the series that were cut short: every session booked is a booked
	 * series; anything less is undone.
	 */
	public void sweep() {
		for (String id : this.store.dueBy(this.clock.instant())) {
			Series series = this.store.byId(id).orElse(null);
			if (series == null || series.status() == SeriesStatus.CONFIRMED || series.status() == SeriesStatus.FAILED) {
				this.store.settled(id);
				continue;
			}
			boolean allBooked = true;
			for (int i = 0; i < series.starts().size(); i++) {
				allBooked &= this.bookings.find(series.bookingId(i))
					.filter(booking -> booking.status() == BookingStatus.CONFIRMED)
					.isPresent();
			}
			if (allBooked) {
				end(series, SeriesStatus.CONFIRMED, null);
				log.info("Series {} was cut short after its last session: finished", series.id());
			}
			else {
				undo(series, "cut short");
				log.info("Series {} was cut short: undone", series.id());
			}
		}
	}

	/** Cancels the sessions booked and lets go of every hold of a series. */
	private void undo(Series series, String why) {
		ZoneId zone = ZoneId.of(series.zoneId());
		for (int i = 0; i < series.starts().size(); i++) {
			Optional<Booking> made = this.bookings.find(series.bookingId(i));
			if (made.isPresent() && made.get().status() == BookingStatus.CONFIRMED) {
				this.bookings.cancel(made.get().id(), false, "The series it belonged to could not be booked whole");
			}
			this.bookings.releaseHold(BookingService.holdId(series.locationId(),
					series.starts().get(i).atZone(zone).toLocalDate(), series.holdName(i)));
		}
		end(series, SeriesStatus.FAILED, why);
	}

	private void end(Series series, SeriesStatus end, @Nullable String why) {
		this.store.byId(series.id()).ifPresent(current -> this.store.store(current, current.with(end, why)));
		this.store.settled(series.id());
	}

	/**
	 * The booking policy for a course: its first session within the horizon, the later
	 * ones as far past it as the course's recommended spacing takes them.
	 */
	private dev.medspa.booking.availability.BookingPolicy reaching(CatalogTreatment treatment) {
		var policy = this.availability.policy();
		java.time.Period spacing = java.util.Objects.requireNonNull(treatment.seriesRecommendedSpacing());
		Instant now = this.clock.instant();
		java.time.ZonedDateTime end = now.atZone(java.time.ZoneOffset.UTC)
			.plus(policy.horizon())
			.plus(spacing.multipliedBy(Math.max(0, treatment.seriesSessions() - 1)))
			.plusDays(7);
		return policy.reaching(Duration.between(now, end.toInstant()));
	}

	private void checkSpacing(CatalogTreatment treatment, List<Instant> starts) {
		if (starts.isEmpty() || starts.size() > treatment.seriesSessions()) {
			throw Refusal.invalid("starts", "must have 1 to " + treatment.seriesSessions() + " sessions");
		}
		for (int i = 1; i < starts.size(); i++) {
			Instant earliest = starts.get(i - 1)
				.atOffset(java.time.ZoneOffset.UTC)
				.plus(java.util.Objects.requireNonNull(treatment.seriesMinimumSpacing()))
				.toInstant();
			if (starts.get(i).isBefore(earliest)) {
				throw Refusal.unprocessable("series-spacing", "Too close to another session", "starts[" + i + "]",
						"Session " + (i + 1) + " must be at least " + treatment.seriesMinimumSpacing()
								+ " after session " + i);
			}
		}
	}

	private CatalogTreatment seriesTreatment(String treatmentId) {
		CatalogTreatment treatment = this.catalog.treatment(treatmentId)
			.filter(CatalogTreatment::active)
			.orElseThrow(() -> Refusal.unprocessable("unknown-treatment", "Unknown treatment", "treatmentId",
					"No treatment on offer has the id " + treatmentId));
		if (treatment.seriesSessions() < 1 || treatment.seriesRecommendedSpacing() == null
				|| treatment.seriesMinimumSpacing() == null) {
			throw Refusal.unprocessable("not-a-series", "Not a series", "treatmentId",
					treatment.name() + " is not given as a series; book its sessions one by one");
		}
		return treatment;
	}

	private CatalogLocation location(String locationId) {
		return this.catalog.location(locationId)
			.filter(CatalogLocation::active)
			.orElseThrow(() -> Refusal.unprocessable("unknown-location", "Unknown location", "locationId",
					"No open location has the id " + locationId));
	}

	/** The free start nearest a wanted time on its day, or on one of the days after. */
	private Optional<ZonedDateTime> nearestFree(CatalogTreatment treatment, CatalogLocation location,
			ZonedDateTime wanted, int daysAfter) {
		LocalDate day = wanted.toLocalDate();
		for (LocalDate date = day; !date.isAfter(day.plusDays(daysAfter)); date = date.plusDays(1)) {
			ZonedDateTime sameTime = date.atTime(wanted.toLocalTime()).atZone(location.zone());
			Optional<ZonedDateTime> best = free(treatment, location, date).stream()
				.min(Comparator.comparing(start -> Duration.between(sameTime.toInstant(), start).abs()))
				.map(start -> start.atZone(location.zone()));
			if (best.isPresent()) {
				return best;
			}
		}
		return Optional.empty();
	}

	private List<String> nearestStarts(CatalogTreatment treatment, CatalogLocation location, ZonedDateTime wanted) {
		return free(treatment, location, wanted.toLocalDate()).stream()
			.sorted(Comparator.comparing(start -> Duration.between(wanted.toInstant(), start).abs()))
			.limit(4)
			.sorted()
			.map(start -> start.atZone(location.zone()).toOffsetDateTime().toString())
			.toList();
	}

	private List<Instant> free(CatalogTreatment treatment, CatalogLocation location, LocalDate date) {
		return this.availability.search(treatment.id(), location.id(), date, date, null, reaching(treatment))
			.stream()
			.flatMap(slots -> slots.slots().stream())
			.map(SlotRules.Slot::start)
			.toList();
	}

}

package dev.medspa.notification.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingEvent;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.notification.catalog.CatalogReadModel;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.catalog.TreatmentSummary;
import dev.medspa.support.messaging.AwaitedDataMissing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Turns booking events into plan changes. An event whose booking version the plan has
 * seen already changes nothing, so redelivered and duplicated events are harmless.
 */
@Service
public class PlanService {

	private static final Logger log = LoggerFactory.getLogger(PlanService.class);

	private final PlanStore plans;

	private final CatalogReadModel catalog;

	private final PlanRules rules;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final java.time.Clock clock;

	PlanService(PlanStore plans, CatalogReadModel catalog, PlanRules rules,
			org.springframework.context.ApplicationEventPublisher events, java.time.Clock clock) {
		this.clock = clock;
		this.events = events;
		this.plans = plans;
		this.catalog = catalog;
		this.rules = rules;
	}

	/**
	 * @throws CatalogNotYetKnown if the treatment or location has not reached this
	 * service yet; the caller retries later
	 */
	public void apply(BookingEvent event) {
		String id = event.bookingId().value();
		long version = event.bookingVersion();
		if (event instanceof BookingConfirmed confirmed) {
			if (this.plans.find(id).isEmpty()) {
				Plan plan = Plan.confirmed(confirmed, treatment(confirmed.treatmentId().value()),
						location(confirmed.locationId().value()), this.rules);
				if (this.plans.insert(plan)) {
					log.info("Planned {} messages for booking {}", plan.messages().size(), id);
					MessagesDue.ifAnyFor(plan, this.clock.instant(), this.events);
				}
			}
			if (confirmed.series() != null) {
				// also when the plan existed: a redelivery finishes what a crash cut
				// short
				sessionConfirmed(confirmed);
			}
			return;
		}
		if (this.plans.find(id).isEmpty()) {
			log.warn("No plan for booking {}: its confirmation never arrived; {} ignored", id,
					event.getClass().getSimpleName());
			return;
		}
		if (event instanceof BookingClientErased) {
			this.plans.find(id)
				.filter(plan -> !plan.hasSeen(version))
				.ifPresent(plan -> this.events.publishEvent(new ClientErased(id, plan.client().normalizedEmail())));
			this.plans.find(id)
				.map(Plan::series)
				.ifPresent(series -> this.plans.update(Plan.seriesId(series.seriesId()), Plan::seriesClientErased));
		}
		this.plans.update(id, plan -> {
			if (plan.hasSeen(version)) {
				return Optional.empty();
			}
			if (version > plan.bookingVersion() + 1) {
				log.warn(
						"Booking {} jumped from version {} to {}: an event in between never arrived here "
								+ "(look in the dead-letter topic); the plan follows the newer one",
						id, plan.bookingVersion(), version);
			}
			return Optional.of(change(plan, event));
		}).ifPresent(stored -> MessagesDue.ifAnyFor(stored, this.clock.instant(), this.events));
	}

	/**
	 * Intake-service says where a booking's forms stand: the plan sends their link and a
	 * reminder while they are due, and drops the reminder once they are not. An intake
	 * version the plan has seen changes nothing.
	 * @throws BookingNotYetKnown if the booking's confirmation has not reached this
	 * service yet (it comes on another topic); the caller retries later
	 */
	public void apply(IntakeStatusChanged event) {
		String id = event.bookingId().value();
		if (this.plans.find(id).isEmpty()) {
			throw new BookingNotYetKnown(id);
		}
		Instant now = this.clock.instant();
		this.plans.update(id, plan -> plan.intakeChanged(event, this.rules, now)).ifPresent(stored -> {
			log.info("Forms of booking {} are {} (intake version {})", id, event.status(), event.intakeVersion());
			MessagesDue.ifAnyFor(stored, now, this.events);
		});
	}

	/**
	 * A session of a course booked in one go is confirmed: the course's plan hears of it
	 * (the first session starts that plan), after the session's own plan was written, so
	 * that the course's confirmation finds every session it lists. A session heard of
	 * once the course's confirmation was being sent or gone gets its own confirmation.
	 * Each step is a compare-and-set that a redelivered event repeats harmlessly, in
	 * whatever order the sessions arrive, on however many instances.
	 */
	private void sessionConfirmed(BookingConfirmed confirmed) {
		String id = confirmed.bookingId().value();
		String courseId = Plan.seriesId(Objects.requireNonNull(confirmed.series()).seriesId());
		Instant now = this.clock.instant();
		Optional<Plan> stored;
		if (this.plans.find(courseId).isEmpty()) {
			Plan course = Plan.seriesConfirmed(confirmed, location(confirmed.locationId().value()), this.rules, now);
			stored = this.plans.insert(course) ? Optional.of(course)
					: this.plans.update(courseId, plan -> plan.sessionConfirmed(id, now));
		}
		else {
			stored = this.plans.update(courseId, plan -> plan.sessionConfirmed(id, now));
		}
		stored.ifPresent(course -> {
			log.info("Series {} heard of session {}", courseId, id);
			MessagesDue.ifAnyFor(course, now, this.events);
		});
		boolean onItsOwn = this.plans.find(courseId)
			.map(Plan::series)
			.filter(series -> series.onTheirOwn().contains(id))
			.isPresent();
		if (onItsOwn) {
			this.plans.update(id, plan -> plan.confirmingOnItsOwn(now)).ifPresent(plan -> {
				log.info("Booking {} is confirmed on its own: series {} was confirmed before it arrived", id, courseId);
				MessagesDue.ifAnyFor(plan, now, this.events);
			});
		}
	}

	private Plan change(Plan plan, BookingEvent event) {
		if (event instanceof BookingRescheduled moved) {
			return plan.rescheduled(moved, treatment(plan.treatmentId()), location(moved.locationId().value()),
					this.rules);
		}
		if (event instanceof BookingCancelled cancelled) {
			return plan.cancelled(cancelled);
		}
		if (event instanceof BookingCheckedIn checkedIn) {
			return plan.checkedIn(checkedIn);
		}
		if (event instanceof BookingCompleted completed) {
			return plan.completed(completed, treatment(plan.treatmentId()), this.rules);
		}
		if (event instanceof BookingNoShow noShow) {
			return plan.noShow(noShow, this.rules);
		}
		if (event instanceof BookingClientErased erased) {
			return plan.clientErased(erased);
		}
		return plan;
	}

	private TreatmentSummary treatment(String id) {
		return this.catalog.treatment(id).orElseThrow(() -> new CatalogNotYetKnown("treatment " + id));
	}

	private LocationSummary location(String id) {
		return this.catalog.location(id).orElseThrow(() -> new CatalogNotYetKnown("location " + id));
	}

	/**
	 * An intake event names a booking whose confirmation has not arrived yet: the two
	 * come on different topics, so either may come first.
	 */
	public static class BookingNotYetKnown extends AwaitedDataMissing {

		public BookingNotYetKnown(String bookingId) {
			super("No plan for booking " + bookingId + " yet: its confirmation has not arrived");
		}

	}

	/** The catalog data a plan needs has not arrived yet. */
	public static class CatalogNotYetKnown extends AwaitedDataMissing {

		public CatalogNotYetKnown(String what) {
			super("Not in the catalog read model yet: " + what);
		}

	}

}

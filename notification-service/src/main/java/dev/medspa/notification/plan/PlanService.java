package dev.medspa.notification.plan;

import java.util.Optional;

import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingEvent;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
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

	/** The catalog data a plan needs has not arrived yet. */
	public static class CatalogNotYetKnown extends AwaitedDataMissing {

		public CatalogNotYetKnown(String what) {
			super("Not in the catalog read model yet: " + what);
		}

	}

}

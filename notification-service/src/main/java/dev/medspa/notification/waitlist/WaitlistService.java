package dev.medspa.notification.waitlist;

import java.time.Clock;
import java.util.Optional;

import dev.medspa.events.waitlist.WaitlistEvent;
import dev.medspa.events.waitlist.WaitlistJoined;
import dev.medspa.events.waitlist.WaitlistLeft;
import dev.medspa.events.waitlist.WaitlistOffered;
import dev.medspa.notification.catalog.CatalogReadModel;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.plan.MessagesDue;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanService.CatalogNotYetKnown;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Turns waitlist events into changes of the place's plan, so that its messages go through
 * the same claim, lease and ledger as a booking's: each is sent once, and a message a
 * newer event made pointless is dropped just before sending. An event whose place version
 * the plan has seen already changes nothing.
 */
@Service
public class WaitlistService {

	private static final Logger log = LoggerFactory.getLogger(WaitlistService.class);

	private final PlanStore plans;

	private final CatalogReadModel catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WaitlistService(PlanStore plans, CatalogReadModel catalog, ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @throws CatalogNotYetKnown if the treatment or location has not reached this
	 * service yet; the caller retries later
	 */
	public void apply(WaitlistEvent event) {
		if (event instanceof WaitlistJoined joined) {
			joined(joined);
		}
		else if (event instanceof WaitlistOffered offered) {
			offered(offered);
		}
		else if (event instanceof WaitlistLeft left) {
			left(left);
		}
	}

	private void joined(WaitlistJoined event) {
		String id = Plan.waitlistId(event.entryId());
		if (this.plans.find(id).isPresent()) {
			withdrawNudges(event);
			return;
		}
		treatment(event.treatmentId().value());
		LocationSummary location = (event.locationId() != null) ? location(event.locationId().value()) : null;
		withdrawNudges(event);
		Plan plan = Plan.joinedWaitlist(event, location);
		if (this.plans.insert(plan)) {
			log.info("Waitlist place {} joined", event.entryId());
			due(plan);
		}
	}

	/**
	 * The client is on the waitlist for the treatment now: a nudge to book its next
	 * session, still planned on one of their bookings (found by their address, as every
	 * read is by {@code _id}), is cancelled. Done before the place's plan is stored and
	 * again on a redelivered join, so a crash in between leaves no nudge behind.
	 */
	private void withdrawNudges(WaitlistJoined event) {
		String email = Recipient.normalize(event.client().email());
		for (Plan booking : this.plans.ofClient(email, event.treatmentId().value())) {
			if (booking.waitlist() == null) {
				this.plans.update(booking, Plan::clientJoinedWaitlist)
					.ifPresent(withdrawn -> log.info("Rebooking nudge of booking {} cancelled: {}",
							withdrawn.bookingId(), Plan.JOINED_WAITLIST));
			}
		}
	}

	private void offered(WaitlistOffered event) {
		String id = Plan.waitlistId(event.entryId());
		treatment(event.treatmentId().value());
		LocationSummary location = location(event.locationId().value());
		if (this.plans.find(id).isEmpty()) {
			log.warn("Offer {} is for waitlist place {}, whose join never arrived here; planned from the offer alone",
					event.offerId(), event.entryId());
			Plan plan = Plan.offeredWaitlist(event, location);
			if (this.plans.insert(plan)) {
				due(plan);
				return;
			}
		}
		this.plans.update(id, plan -> plan.hasSeen(event.entryVersion()) ? Optional.empty()
				: Optional.of(plan.offered(event, location)))
			.ifPresent(this::due);
	}

	private void left(WaitlistLeft event) {
		String id = Plan.waitlistId(event.entryId());
		if (this.plans.find(id).isEmpty()) {
			log.warn("No plan for waitlist place {}: nothing was planned for it, so there is nothing to drop",
					event.entryId());
			return;
		}
		this.plans
			.update(id,
					plan -> plan.hasSeen(event.entryVersion()) ? Optional.empty()
							: Optional.of(plan.leftWaitlist(event)))
			.ifPresent(plan -> log.info("Waitlist place {} ended ({})", event.entryId(), event.reason()));
	}

	private void due(Plan plan) {
		MessagesDue.ifAnyFor(plan, this.clock.instant(), this.events);
	}

	private void treatment(String id) {
		if (this.catalog.treatment(id).isEmpty()) {
			throw new CatalogNotYetKnown("treatment " + id);
		}
	}

	private LocationSummary location(String id) {
		return this.catalog.location(id).orElseThrow(() -> new CatalogNotYetKnown("location " + id));
	}

}

package dev.medspa.booking.waitlist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.medspa.booking.availability.Availability;
import dev.medspa.booking.availability.SlotRules;
import dev.medspa.booking.catalog.CatalogLocation;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.reservation.ScheduleChanges;
import dev.medspa.booking.schedule.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * New working hours may open times that someone waits for: once a practitioner's schedule
 * is saved, each place waiting at the locations it names (in line, the first
 * {@value #PLACES_LOOKED_AT} of each treatment) is matched with the first free start with
 * that practitioner that suits it, and that slot is offered like a freed one (to the
 * first in line it suits). The round is named by the schedule's version and the place, so
 * saving the same schedule twice makes no second offer. A failure here never fails the
 * schedule change; the places simply wait for the next freed slot.
 */
@Component
class NewHours {

	private static final Logger log = LoggerFactory.getLogger(NewHours.class);

	static final int PLACES_LOOKED_AT = 20;

	private final WaitlistStore store;

	private final Offers offers;

	private final Availability availability;

	private final CatalogReadModel catalog;

	private final Clock clock;

	NewHours(WaitlistStore store, Offers offers, Availability availability, CatalogReadModel catalog, Clock clock) {
		this.store = store;
		this.offers = offers;
		this.availability = availability;
		this.catalog = catalog;
		this.clock = clock;
	}

	@EventListener
	void on(ScheduleChanges.HoursChanged changed) {
		try {
			offerNewTimes(changed.schedule());
		}
		catch (RuntimeException ex) {
			log.warn("New hours of {} were not matched with the waitlist", changed.schedule().practitionerId(), ex);
		}
	}

	private void offerNewTimes(Schedule schedule) {
		Set<String> locations = new LinkedHashSet<>();
		schedule.weekly().forEach(hours -> locations.add(hours.locationId()));
		for (String locationId : locations) {
			CatalogLocation location = this.catalog.location(locationId).filter(CatalogLocation::active).orElse(null);
			if (location == null) {
				continue;
			}
			for (String treatmentId : location.treatments()) {
				List<String> line = this.store.line(treatmentId, locationId, true);
				for (String entryId : line.subList(0, Math.min(line.size(), PLACES_LOOKED_AT))) {
					this.store.entry(entryId)
						.filter(entry -> entry.status() == EntryStatus.WAITING)
						.ifPresent(entry -> firstSuiting(entry, location, schedule.practitionerId())
							.ifPresent(slot -> this.offers.freed(
									"hours-" + schedule.practitionerId() + "-v" + schedule.version() + "-" + entryId,
									treatmentId, locationId, slot.start(),
									slot.start()
										.plus(this.catalog.treatment(treatmentId)
											.map(treatment -> treatment.appointmentLength())
											.orElse(java.time.Duration.ZERO)))));
				}
			}
		}
	}

	private java.util.Optional<SlotRules.Slot> firstSuiting(WaitlistEntry entry, CatalogLocation location,
			String practitionerId) {
		ZoneId zone = location.zone();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		LocalDate from = entry.from().isBefore(today) ? today : entry.from();
		LocalDate last = from.plusDays(this.availability.policy().maximumSearch().toDays() - 1);
		LocalDate to = entry.to().isBefore(last) ? entry.to() : last;
		if (to.isBefore(from)) {
			return java.util.Optional.empty();
		}
		return this.availability.search(entry.treatmentId(), location.id(), from, to, practitionerId)
			.stream()
			.flatMap(slots -> slots.slots().stream())
			.filter(slot -> entry.suits(slot.start().atZone(zone)))
			.findFirst();
	}

}

package dev.medspa.catalog.location;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import dev.medspa.catalog.StateEvents;
import dev.medspa.catalog.persistence.CatalogStore;
import dev.medspa.catalog.treatment.Treatment;
import dev.medspa.events.catalog.LocationState.OpeningHours;
import dev.medspa.events.catalog.LocationState.Room;
import dev.medspa.support.Refusal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The locations: where clients may book, and how managers change them. */
@Service
public class LocationDirectory {

	private final CatalogStore store;

	private final StateEvents events;

	private final Clock clock;

	LocationDirectory(CatalogStore store, StateEvents events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	public Page<Location> open(Pageable pageable) {
		return this.store.page(CatalogStore.Filter.active(), pageable, Location.class);
	}

	public Page<Location> all(Pageable pageable) {
		return this.store.page(CatalogStore.Filter.all(), pageable, Location.class);
	}

	public Location byId(String id) {
		return this.store.find(id, Location.class)
			.orElseThrow(() -> Refusal.notFound("Location", "No location has the id " + id));
	}

	public Location create(LocationDefinition definition) {
		checkRules(definition);
		return this.store.insert(Location.create(definition, this.events, this.clock.instant()), "slug");
	}

	public Location update(String id, OptionalLong expectedVersion, LocationDefinition definition) {
		Location current = current(id, expectedVersion);
		checkRules(definition);
		return this.store.update(current, current.revise(definition, this.events, this.clock.instant()), "slug");
	}

	/** Closes a location; closing a closed one changes nothing. */
	public Location retire(String id, OptionalLong expectedVersion) {
		Location current = current(id, expectedVersion);
		if (!current.active()) {
			return current;
		}
		return this.store.update(current, current.retire(this.events, this.clock.instant()), "slug");
	}

	private Location current(String id, OptionalLong expectedVersion) {
		Location current = byId(id);
		if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
			throw Refusal.stale("Location " + id, current.version());
		}
		return current;
	}

	private void checkRules(LocationDefinition definition) {
		if (!ZoneId.getAvailableZoneIds().contains(definition.zoneId())) {
			throw Refusal.invalid("zoneId", "must be an IANA time zone such as America/Los_Angeles");
		}
		checkOpeningHours(definition.openingHours());
		Set<String> roomIds = new HashSet<>();
		for (Room room : definition.rooms()) {
			if (!roomIds.add(room.id())) {
				throw Refusal.invalid("rooms", "has the room id " + room.id() + " more than once");
			}
		}
		for (int i = 0; i < definition.devices().size(); i++) {
			String deviceId = definition.devices().get(i).id();
			if (!roomIds.add(deviceId)) {
				throw Refusal.invalid("devices[" + i + "].id", "is already the id of another room or device");
			}
		}
		for (int i = 0; i < definition.treatments().size(); i++) {
			String treatment = definition.treatments().get(i);
			if (!this.store.exists(treatment, Treatment.class)) {
				throw Refusal.unprocessable("unknown-treatment", "Unknown treatment", "treatments[" + i + "]",
						"No treatment has the id " + treatment);
			}
		}
	}

	private static void checkOpeningHours(List<OpeningHours> hours) {
		for (OpeningHours range : hours) {
			if (!range.closes().isAfter(range.opens())) {
				throw Refusal.invalid("openingHours", range.day() + " closes at " + range.closes()
						+ ", which is not after it opens at " + range.opens());
			}
		}
		for (DayOfWeek day : DayOfWeek.values()) {
			List<OpeningHours> ofDay = hours.stream()
				.filter(range -> range.day() == day)
				.sorted(Comparator.comparing(OpeningHours::opens))
				.toList();
			for (int i = 1; i < ofDay.size(); i++) {
				if (ofDay.get(i).opens().isBefore(ofDay.get(i - 1).closes())) {
					throw Refusal.invalid("openingHours", day + " has opening ranges that overlap");
				}
			}
		}
	}

}

package dev.medspa.catalog.practitioner;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

import dev.medspa.catalog.StateEvents;
import dev.medspa.catalog.location.Location;
import dev.medspa.catalog.persistence.CatalogStore;
import dev.medspa.catalog.treatment.Treatment;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The practitioners: who may give what where, and how managers change it. */
@Service
public class PractitionerRoster {

	private final CatalogStore store;

	private final StateEvents events;

	private final Clock clock;

	PractitionerRoster(CatalogStore store, StateEvents events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Active practitioners, optionally only those qualified for a treatment and working
	 * at a location.
	 */
	public Page<Practitioner> offering(@Nullable String treatmentId, @Nullable String locationId, Pageable pageable) {
		CatalogStore.Filter filter = CatalogStore.Filter.active();
		if (treatmentId != null) {
			Treatment treatment = this.store.find(treatmentId, Treatment.class)
				.orElseThrow(() -> Refusal.invalid("treatment", "no treatment has the id " + treatmentId));
			filter.with("qualifications", treatment.qualification());
		}
		if (locationId != null) {
			if (!this.store.exists(locationId, Location.class)) {
				throw Refusal.invalid("location", "no location has the id " + locationId);
			}
			filter.with("locations", locationId);
		}
		return this.store.page(filter, pageable, Practitioner.class);
	}

	public Page<Practitioner> all(Pageable pageable) {
		return this.store.page(CatalogStore.Filter.all(), pageable, Practitioner.class);
	}

	public Practitioner byId(String id) {
		return this.store.find(id, Practitioner.class)
			.orElseThrow(() -> Refusal.notFound("Practitioner", "No practitioner has the id " + id));
	}

	public Practitioner create(PractitionerDefinition definition) {
		checkRules(definition);
		return this.store.insert(
				Practitioner.create(UUID.randomUUID().toString(), definition, this.events, this.clock.instant()), "id");
	}

	public Practitioner update(String id, OptionalLong expectedVersion, PractitionerDefinition definition) {
		Practitioner current = current(id, expectedVersion);
		checkRules(definition);
		return this.store.update(current, current.revise(definition, this.events, this.clock.instant()), "id");
	}

	public Practitioner retire(String id, OptionalLong expectedVersion) {
		Practitioner current = current(id, expectedVersion);
		if (!current.active()) {
			return current;
		}
		return this.store.update(current, current.retire(this.events, this.clock.instant()), "id");
	}

	private Practitioner current(String id, OptionalLong expectedVersion) {
		Practitioner current = byId(id);
		if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
			throw Refusal.stale("Practitioner " + id, current.version());
		}
		return current;
	}

	private void checkRules(PractitionerDefinition definition) {
		for (int i = 0; i < definition.locations().size(); i++) {
			String location = definition.locations().get(i);
			if (!this.store.exists(location, Location.class)) {
				throw Refusal.unprocessable("unknown-location", "Unknown location", "locations[" + i + "]",
						"No location has the id " + location);
			}
		}
	}

}

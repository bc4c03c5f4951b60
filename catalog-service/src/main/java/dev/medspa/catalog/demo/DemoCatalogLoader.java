package dev.medspa.catalog.demo;

import java.time.Clock;
import java.time.Instant;

import dev.medspa.catalog.StateEvents;
import dev.medspa.catalog.Versioned;
import dev.medspa.catalog.location.Location;
import dev.medspa.catalog.persistence.CatalogStore;
import dev.medspa.catalog.practitioner.Practitioner;
import dev.medspa.catalog.treatment.Treatment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the {@link DemoCatalog} once: each entity is inserted under its fixed id, so a
 * second start, or two instances starting together, change nothing that is already there.
 */
@Component
@ConditionalOnBooleanProperty("medspa.catalog.demo-data")
class DemoCatalogLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogLoader.class);

	private final CatalogStore store;

	private final StateEvents events;

	private final Clock clock;

	DemoCatalogLoader(CatalogStore store, StateEvents events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Instant now = this.clock.instant();
		int added = 0;
		for (var treatment : DemoCatalog.treatments()) {
			added += insertOnce(Treatment.create(treatment, this.events, now));
		}
		for (var location : DemoCatalog.locations()) {
			added += insertOnce(Location.create(location, this.events, now));
		}
		for (var practitioner : DemoCatalog.practitioners()) {
			added += insertOnce(Practitioner.create(practitioner.id(), practitioner.definition(), this.events, now));
		}
		log.info("Demo catalog: {} entities added", added);
	}

	/**
	 * Adds an entity unless it exists: one loaded before, perhaps changed since, stays.
	 */
	private int insertOnce(Versioned entity) {
		return this.store.insertIfAbsent(entity) ? 1 : 0;
	}

}

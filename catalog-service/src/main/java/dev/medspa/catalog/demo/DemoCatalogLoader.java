package dev.medspa.catalog.demo;

import java.time.Clock;
import java.time.Instant;

import dev.medspa.catalog.StateEvents;
import dev.medspa.catalog.location.Location;
import dev.medspa.catalog.practitioner.Practitioner;
import dev.medspa.catalog.treatment.Treatment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the {@link DemoCatalog} once: each entity is inserted under its fixed id, so a
 * second start, or two instances starting together, change nothing that is already there.
 */
@Component
@ConditionalOnBooleanProperty("medspa.catalog.demo-data")
class DemoCatalogLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogLoader.class);

	private final MongoTemplate mongo;

	private final StateEvents events;

	private final Clock clock;

	private final dev.medspa.support.outbox.OutboxTrigger outbox;

	DemoCatalogLoader(MongoTemplate mongo, StateEvents events, dev.medspa.support.outbox.OutboxTrigger outbox,
			Clock clock) {
		this.outbox = outbox;
		this.mongo = mongo;
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

	private int insertOnce(dev.medspa.catalog.Versioned entity) {
		try {
			this.mongo.insert(entity);
			this.outbox.publishSoon(this.mongo.getCollectionName(entity.getClass()), entity.id());
			return 1;
		}
		catch (DuplicateKeyException ex) {
			return 0;
		}
	}

}

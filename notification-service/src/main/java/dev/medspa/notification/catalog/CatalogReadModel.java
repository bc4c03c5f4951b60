package dev.medspa.notification.catalog;

import java.util.Optional;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.support.readmodel.VersionedDocuments;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The treatments, locations and practitioners messages name; the newest version seen
 * wins.
 */
@Repository
public class CatalogReadModel {

	private final MongoTemplate mongo;

	private final VersionedDocuments versioned;

	CatalogReadModel(MongoTemplate mongo, VersionedDocuments versioned) {
		this.mongo = mongo;
		this.versioned = versioned;
	}

	public Optional<TreatmentSummary> treatment(String id) {
		return Optional.ofNullable(this.mongo.findById(id, TreatmentSummary.class));
	}

	public Optional<LocationSummary> location(String id) {
		return Optional.ofNullable(this.mongo.findById(id, LocationSummary.class));
	}

	/**
	 * The practitioner as the catalog names them to clients; empty for one not heard of
	 * (yet).
	 */
	public Optional<PractitionerSummary> practitioner(String id) {
		return Optional.ofNullable(this.mongo.findById(id, PractitionerSummary.class));
	}

	/**
	 * Whether the treatments or locations are missing; practitioners are not counted, as
	 * messages can do without their names.
	 */
	public boolean isEmpty() {
		return this.mongo.estimatedCount(TreatmentSummary.class) == 0
				|| this.mongo.estimatedCount(LocationSummary.class) == 0;
	}

	public boolean apply(TreatmentState state) {
		TreatmentSummary summary = new TreatmentSummary(state.id().value(), state.name(), state.active(),
				state.version(), state.preCare(),
				state.aftercare()
					.stream()
					.map(step -> new TreatmentSummary.Aftercare(step.key(), step.offset(), step.message()))
					.toList(),
				state.series() == null ? 0 : state.series().sessions(),
				state.series() == null ? null : state.series().recommendedSpacing());
		return this.versioned.saveIfNewer(this.mongo.getCollectionName(TreatmentSummary.class), summary.id(),
				summary.version(), summary);
	}

	public boolean apply(PractitionerState state) {
		PractitionerSummary summary = new PractitionerSummary(state.id().value(), state.displayName(), state.active(),
				state.version());
		return this.versioned.saveIfNewer(this.mongo.getCollectionName(PractitionerSummary.class), summary.id(),
				summary.version(), summary);
	}

	public boolean apply(LocationState state) {
		LocationSummary summary = new LocationSummary(state.id().value(), state.name(), state.address().oneLine(),
				state.phone(), state.zoneId(), state.active(), state.version());
		return this.versioned.saveIfNewer(this.mongo.getCollectionName(LocationSummary.class), summary.id(),
				summary.version(), summary);
	}

}

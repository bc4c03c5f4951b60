package dev.medspa.booking.catalog;

import java.util.List;
import java.util.Optional;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.support.readmodel.VersionedDocuments;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * This service's copy of the catalog. Each state replaces the stored one only if its
 * version is higher, so redelivered, duplicated and out-of-order records leave it as the
 * newest state seen.
 */
@Component
public class CatalogReadModel {

	private final MongoTemplate mongo;

	private final VersionedDocuments versioned;

	CatalogReadModel(MongoTemplate mongo, VersionedDocuments versioned) {
		this.mongo = mongo;
		this.versioned = versioned;
	}

	public Optional<CatalogTreatment> treatment(String id) {
		return Optional.ofNullable(this.mongo.findById(id, CatalogTreatment.class));
	}

	public Optional<CatalogLocation> location(String id) {
		return Optional.ofNullable(this.mongo.findById(id, CatalogLocation.class));
	}

	public Optional<CatalogPractitioner> practitioner(String id) {
		return Optional.ofNullable(this.mongo.findById(id, CatalogPractitioner.class));
	}

	/** The active practitioners who work at a location. */
	public List<CatalogPractitioner> practitionersAt(String locationId) {
		return this.mongo.find(
				Query.query(Criteria.where("locations").is(locationId).and("active").is(true)).with(Sort.by("_id")),
				CatalogPractitioner.class);
	}

	/** The open locations that offer a treatment, by name. */
	public List<CatalogLocation> locationsOffering(String treatmentId) {
		return this.mongo.find(
				Query.query(Criteria.where("treatments").is(treatmentId).and("active").is(true)).with(Sort.by("name")),
				CatalogLocation.class);
	}

	/**
	 * True when nothing of the catalog is known yet, as after a first start or a wiped
	 * database.
	 */
	public boolean isEmpty() {
		return this.mongo.estimatedCount(CatalogTreatment.class) == 0
				&& this.mongo.estimatedCount(CatalogLocation.class) == 0
				&& this.mongo.estimatedCount(CatalogPractitioner.class) == 0;
	}

	public boolean apply(TreatmentState state) {
		return save(
				new CatalogTreatment(state.id().value(), state.name(), state.duration(), state.preparation(),
						state.cleanup(), state.roomType(), state.qualification(), state.active(), state.version(),
						state.consultation() == null ? null : state.consultation().consultationTreatment().value(),
						state.consultation() == null ? null : state.consultation().validFor(),
						state.series() == null ? null : state.series().minimumSpacing(), state.deviceTypes()),
				state.id().value(), state.version());
	}

	public boolean apply(LocationState state) {
		return save(new CatalogLocation(state.id().value(), state.name(), state.zoneId(),
				state.rooms().stream().map(r -> new CatalogLocation.Room(r.id(), r.type(), r.active())).toList(),
				state.treatments().stream().map(t -> t.value()).toList(), state.active(), state.version(),
				state.openingHours()
					.stream()
					.map(h -> new CatalogLocation.OpeningHours(h.day(), h.opens(), h.closes()))
					.toList(),
				state.devices()
					.stream()
					.map(d -> new CatalogLocation.Device(d.id(), d.name(), d.type(), d.active()))
					.toList()),
				state.id().value(), state.version());
	}

	public boolean apply(PractitionerState state) {
		return save(
				new CatalogPractitioner(state.id().value(), state.displayName(), state.qualifications(),
						state.locations().stream().map(l -> l.value()).toList(), state.active(), state.version()),
				state.id().value(), state.version());
	}

	private boolean save(Object document, String id, long version) {
		return this.versioned.saveIfNewer(this.mongo.getCollectionName(document.getClass()), id, version, document);
	}

}

package dev.medspa.booking.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.support.readmodel.VersionedDocuments;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * This service's copy of the catalog. Each state replaces the stored one only if its
 * version is higher, so redelivered, duplicated and out-of-order records leave it as the
 * newest state seen.
 * <p>
 * Reads are remembered for {@code medspa.booking.catalog-cache-for} (2 s by default): a
 * booking and an availability question read each treatment, location and roster once
 * instead of once per practitioner and day. The copy is eventually consistent anyway (it
 * follows the catalog's topics); a change applied by this instance is seen at once.
 */
@Repository
public class CatalogReadModel {

	private final MongoTemplate mongo;

	private final VersionedDocuments versioned;

	private final Cache<String, Object> recent;

	CatalogReadModel(MongoTemplate mongo, VersionedDocuments versioned,
			@Value("${medspa.booking.catalog-cache-for:PT2S}") Duration cacheFor) {
		this.mongo = mongo;
		this.versioned = versioned;
		this.recent = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(10_000).build();
	}

	public Optional<CatalogTreatment> treatment(String id) {
		return remembered("treatment:" + id,
				() -> Optional.ofNullable(this.mongo.findById(id, CatalogTreatment.class)));
	}

	public Optional<CatalogLocation> location(String id) {
		return remembered("location:" + id, () -> Optional.ofNullable(this.mongo.findById(id, CatalogLocation.class)));
	}

	public Optional<CatalogPractitioner> practitioner(String id) {
		return remembered("practitioner:" + id,
				() -> Optional.ofNullable(this.mongo.findById(id, CatalogPractitioner.class)));
	}

	/** The active practitioners who work at a location. */
	public List<CatalogPractitioner> practitionersAt(String locationId) {
		return remembered("roster:" + locationId, () -> this.mongo.find(
				Query.query(Criteria.where("locations").is(locationId).and("active").is(true)).with(Sort.by("_id")),
				CatalogPractitioner.class));
	}

	/** The open locations that offer a treatment, by name. */
	public List<CatalogLocation> locationsOffering(String treatmentId) {
		return remembered("offering:" + treatmentId, () -> this.mongo.find(
				Query.query(Criteria.where("treatments").is(treatmentId).and("active").is(true)).with(Sort.by("name")),
				CatalogLocation.class));
	}

	/** Every location known, open or closed. */
	public List<CatalogLocation> allLocations() {
		return this.mongo.findAll(CatalogLocation.class);
	}

	@SuppressWarnings("unchecked")
	private <T> T remembered(String key, Supplier<T> read) {
		return (T) this.recent.get(key, ignored -> read.get());
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
						state.series() == null ? null : state.series().minimumSpacing(), state.deviceTypes(),
						state.series() == null ? 0 : state.series().sessions(),
						state.series() == null ? null : state.series().recommendedSpacing(), state.currency()),
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
		boolean saved = this.versioned.saveIfNewer(this.mongo.getCollectionName(document.getClass()), id, version,
				document);
		this.recent.invalidateAll();
		return saved;
	}

}

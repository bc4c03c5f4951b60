package dev.medspa.catalog.treatment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

import dev.medspa.catalog.StateEvents;
import dev.medspa.catalog.location.Location;
import dev.medspa.catalog.persistence.CatalogStore;
import dev.medspa.events.catalog.TreatmentState.AftercareStep;
import dev.medspa.support.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The treatments: what clients may book, and how managers change it. */
@Service
public class TreatmentCatalog {

	private final CatalogStore store;

	private final StateEvents events;

	private final Clock clock;

	TreatmentCatalog(CatalogStore store, StateEvents events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/** Active treatments, optionally of one category or offered at one location. */
	public Page<Treatment> offered(@Nullable String category, @Nullable String locationId, Pageable pageable) {
		CatalogStore.Filter filter = CatalogStore.Filter.active();
		if (category != null) {
			filter.with("category", category);
		}
		if (locationId != null) {
			Location location = this.store.find(locationId, Location.class)
				.orElseThrow(() -> Refusal.invalid("location", "no location has the id " + locationId));
			filter.withAnyOf("_id", location.treatments());
		}
		return this.store.page(filter, pageable, Treatment.class);
	}

	/** Every treatment, retired ones included. */
	public Page<Treatment> all(Pageable pageable) {
		return this.store.page(CatalogStore.Filter.all(), pageable, Treatment.class);
	}

	public Treatment bySlug(String slug) {
		return this.store.findUnique("slug", slug, Treatment.class)
			.orElseThrow(() -> Refusal.notFound("Treatment", "No treatment has the slug " + slug));
	}

	public Treatment byId(String id) {
		return this.store.find(id, Treatment.class)
			.orElseThrow(() -> Refusal.notFound("Treatment", "No treatment has the id " + id));
	}

	public Treatment create(TreatmentDefinition definition) {
		checkRules(definition, null);
		return this.store.insert(Treatment.create(definition, this.events, this.clock.instant()), "slug");
	}

	public Treatment update(String id, OptionalLong expectedVersion, TreatmentDefinition definition) {
		Treatment current = current(id, expectedVersion);
		checkRules(definition, id);
		return this.store.update(current, current.revise(definition, this.events, this.clock.instant()), "slug");
	}

	/** Retires a treatment; retiring a retired one changes nothing. */
	public Treatment retire(String id, OptionalLong expectedVersion) {
		Treatment current = current(id, expectedVersion);
		if (!current.active()) {
			return current;
		}
		return this.store.update(current, current.retire(this.events, this.clock.instant()), "slug");
	}

	private Treatment current(String id, OptionalLong expectedVersion) {
		Treatment current = byId(id);
		if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
			throw Refusal.stale("Treatment " + id, current.version());
		}
		return current;
	}

	private void checkRules(TreatmentDefinition definition, @Nullable String id) {
		if (definition.consultation() != null) {
			String consultation = definition.consultation().consultationTreatment().value();
			if (consultation.equals(id) || consultation.equals(definition.slug())) {
				throw Refusal.invalid("consultation.consultationTreatment", "must be another treatment than this one");
			}
			if (!this.store.exists(consultation, Treatment.class)) {
				throw Refusal.unprocessable("unknown-treatment", "Unknown treatment",
						"consultation.consultationTreatment", "No treatment has the id " + consultation);
			}
			positive("consultation.validFor", definition.consultation().validFor());
		}
		if (definition.series() != null) {
			positive("series.minimumSpacing", definition.series().minimumSpacing());
			positive("series.recommendedSpacing", definition.series().recommendedSpacing());
			if (days(definition.series().recommendedSpacing()) < days(definition.series().minimumSpacing())) {
				throw Refusal.invalid("series.recommendedSpacing", "must not be shorter than series.minimumSpacing");
			}
		}
		Set<String> keys = new HashSet<>();
		for (AftercareStep step : definition.aftercare()) {
			if (!keys.add(step.key())) {
				throw Refusal.invalid("aftercare", "has the key " + step.key() + " more than once");
			}
		}
	}

	private static void positive(String field, Period period) {
		if (period.isZero() || period.isNegative()) {
			throw Refusal.invalid(field, "must be a positive period such as P4W");
		}
	}

	private static long days(Period period) {
		LocalDate start = LocalDate.of(2000, 1, 1);
		return start.plus(period).toEpochDay() - start.toEpochDay();
	}

}

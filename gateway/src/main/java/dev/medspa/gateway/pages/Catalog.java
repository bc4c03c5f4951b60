package dev.medspa.gateway.pages;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.gateway.services.Services;
import org.springframework.stereotype.Component;

/**
 * The catalog as the pages use it: typed treatments and locations, read from the catalog
 * service's public API (whose answers are the published states).
 */
@Component
class Catalog {

	private final Services services;

	private final JsonMapper json;

	Catalog(Services services, JsonMapper json) {
		this.services = services;
		this.json = json;
	}

	List<TreatmentState> treatments() {
		return this.services.treatments()
			.stream()
			.map(map -> this.json.convertValue(map, TreatmentState.class))
			.filter(TreatmentState::active)
			.sorted(Comparator.comparing(TreatmentState::category).thenComparing(TreatmentState::name))
			.toList();
	}

	/** Active treatments by category, in the order of their first appearance. */
	Map<String, List<TreatmentState>> byCategory() {
		Map<String, List<TreatmentState>> categories = new LinkedHashMap<>();
		for (TreatmentState treatment : treatments()) {
			categories.computeIfAbsent(treatment.category(), category -> new java.util.ArrayList<>()).add(treatment);
		}
		return categories;
	}

	Optional<TreatmentState> treatment(String id) {
		return this.services.treatment(id).map(map -> this.json.convertValue(map, TreatmentState.class));
	}

	List<LocationState> locations() {
		return this.services.locations()
			.stream()
			.map(map -> this.json.convertValue(map, LocationState.class))
			.filter(LocationState::active)
			.toList();
	}

	Optional<LocationState> location(String id) {
		return this.services.location(id).map(map -> this.json.convertValue(map, LocationState.class));
	}

	List<LocationState> offering(TreatmentState treatment) {
		return locations().stream().filter(location -> location.treatments().contains(treatment.id())).toList();
	}

}

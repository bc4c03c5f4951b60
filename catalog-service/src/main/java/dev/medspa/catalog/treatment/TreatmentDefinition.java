package dev.medspa.catalog.treatment;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import dev.medspa.events.catalog.TreatmentState.AftercareStep;
import dev.medspa.events.catalog.TreatmentState.ConsultationRule;
import dev.medspa.events.catalog.TreatmentState.SeriesRule;
import org.jspecify.annotations.Nullable;

/**
 * What a manager says a treatment is: everything but its id, version and whether it is
 * retired.
 */
public record TreatmentDefinition(String slug, String name, String category, String description, Duration duration,
		Duration preparation, Duration cleanup, BigDecimal price, String currency, String roomType,
		String qualification, @Nullable ConsultationRule consultation, @Nullable SeriesRule series,
		List<AftercareStep> aftercare, @Nullable String preCare, List<String> deviceTypes) {

	public TreatmentDefinition {
		aftercare = List.copyOf(aftercare);
		deviceTypes = List.copyOf(deviceTypes);
	}

}

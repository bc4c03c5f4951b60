package dev.medspa.notification.catalog;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What messages name of a treatment, and the care that goes with it.
 *
 * @param preCare what to do or avoid before it, if anything
 * @param aftercare the protocol's follow-up steps, each timed from completion
 * @param sessions how many sessions a series has, or 0 if it is not given as a series
 * @param nextSessionAfter when the next session of a series is due
 */
@Document("catalog_treatments_v2")
public record TreatmentSummary(@Id String id, String name, boolean active, long version, @Nullable String preCare,
		@Nullable List<Aftercare> aftercare, int sessions, @Nullable Period nextSessionAfter) {

	public List<Aftercare> aftercareSteps() {
		return this.aftercare == null ? List.of() : this.aftercare;
	}

	/**
	 * @param key stable, so a message can be traced to its step
	 * @param offset after completion
	 * @param message what the client should hear
	 */
	public record Aftercare(String key, Duration offset, String message) {
	}

}

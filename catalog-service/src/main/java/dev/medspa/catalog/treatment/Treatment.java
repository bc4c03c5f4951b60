package dev.medspa.catalog.treatment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.events.catalog.TreatmentState.AftercareStep;
import dev.medspa.events.catalog.TreatmentState.ConsultationRule;
import dev.medspa.events.catalog.TreatmentState.SeriesRule;
import dev.medspa.catalog.StateEvents;
import dev.medspa.support.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A treatment the clinic offers. Its document also holds the events of its last changes
 * until the relay has published them (the embedded outbox).
 */
@Document("treatments")
public class Treatment {

	@Id
	private final String id;

	private final String slug;

	private final String name;

	private final String category;

	private final String description;

	private final Duration duration;

	private final Duration preparation;

	private final Duration cleanup;

	private final BigDecimal price;

	private final String currency;

	private final String roomType;

	private final String qualification;

	private final @Nullable ConsultationRule consultation;

	private final @Nullable SeriesRule series;

	private final List<AftercareStep> aftercare;

	private final boolean active;

	private final long version;

	private final List<OutboxMessage> outbox;

	@PersistenceCreator
	Treatment(String id, String slug, String name, String category, String description, Duration duration,
			Duration preparation, Duration cleanup, BigDecimal price, String currency, String roomType,
			String qualification, @Nullable ConsultationRule consultation, @Nullable SeriesRule series,
			List<AftercareStep> aftercare, boolean active, long version, List<OutboxMessage> outbox) {
		this.id = id;
		this.slug = slug;
		this.name = name;
		this.category = category;
		this.description = description;
		this.duration = duration;
		this.preparation = preparation;
		this.cleanup = cleanup;
		this.price = price;
		this.currency = currency;
		this.roomType = roomType;
		this.qualification = qualification;
		this.consultation = consultation;
		this.series = series;
		this.aftercare = List.copyOf(aftercare);
		this.active = active;
		this.version = version;
		this.outbox = new ArrayList<>(outbox);
	}

	/**
	 * A new, active treatment at version 1, with its state event waiting in the outbox.
	 */
	public static Treatment create(TreatmentState definition, StateEvents events, Instant now) {
		Treatment treatment = new Treatment(definition.id().value(), definition.slug(), definition.name(),
				definition.category(), definition.description(), definition.duration(), definition.preparation(),
				definition.cleanup(), definition.price(), definition.currency(), definition.roomType(),
				definition.qualification(), definition.consultation(), definition.series(), definition.aftercare(),
				true, 1, List.of());
		treatment.outbox.add(events.message(treatment.id, treatment.toState(), now));
		return treatment;
	}

	/** The state the catalog publishes. */
	public TreatmentState toState() {
		return new TreatmentState(new TreatmentId(this.id), this.slug, this.name, this.category, this.description,
				this.duration, this.preparation, this.cleanup, this.price, this.currency, this.roomType,
				this.qualification, this.consultation, this.series, this.aftercare, this.active, this.version);
	}

	public String id() {
		return this.id;
	}

	public String slug() {
		return this.slug;
	}

	public String category() {
		return this.category;
	}

	public boolean active() {
		return this.active;
	}

	public long version() {
		return this.version;
	}

	List<OutboxMessage> outbox() {
		return List.copyOf(this.outbox);
	}

}

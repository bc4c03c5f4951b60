package dev.medspa.catalog.treatment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.medspa.catalog.StateEvents;
import dev.medspa.catalog.Versioned;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.events.catalog.TreatmentState.AftercareStep;
import dev.medspa.events.catalog.TreatmentState.ConsultationRule;
import dev.medspa.events.catalog.TreatmentState.SeriesRule;
import dev.medspa.support.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A treatment the clinic offers. Every change yields a new version whose full state waits
 * in the document's outbox until it is published. A retired treatment is kept, since
 * bookings and history refer to it.
 */
@Document(Treatment.COLLECTION)
public class Treatment implements Versioned {

	public static final String COLLECTION = "treatments";

	@Id
	private final String id;

	@Indexed(unique = true)
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

	private final @Nullable String preCare;

	private final List<String> deviceTypes;

	private final boolean active;

	private final long version;

	private final List<OutboxMessage> outbox;

	@PersistenceCreator
	Treatment(String id, String slug, String name, String category, String description, Duration duration,
			Duration preparation, Duration cleanup, BigDecimal price, String currency, String roomType,
			String qualification, @Nullable ConsultationRule consultation, @Nullable SeriesRule series,
			List<AftercareStep> aftercare, @Nullable String preCare, @Nullable List<String> deviceTypes, boolean active,
			long version, @Nullable List<OutboxMessage> outbox) {
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
		this.aftercare = aftercare.stream().sorted(Comparator.comparing(AftercareStep::offset)).toList();
		this.preCare = preCare;
		this.deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
		this.active = active;
		this.version = version;
		this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
	}

	private static Treatment of(String id, TreatmentDefinition d, boolean active, long version,
			List<OutboxMessage> outbox) {
		return new Treatment(id, d.slug(), d.name(), d.category(), d.description(), d.duration(), d.preparation(),
				d.cleanup(), d.price(), d.currency(), d.roomType(), d.qualification(), d.consultation(), d.series(),
				d.aftercare(), d.preCare(), d.deviceTypes(), active, version, outbox);
	}

	/**
	 * A new, active treatment at version 1; its id is its first slug and never changes.
	 */
	public static Treatment create(TreatmentDefinition definition, StateEvents events, Instant now) {
		return of(definition.slug(), definition, true, 1, List.of()).recorded(events, now);
	}

	/** The next version, with a new definition. */
	public Treatment revise(TreatmentDefinition definition, StateEvents events, Instant now) {
		return of(this.id, definition, this.active, this.version + 1, this.outbox).recorded(events, now);
	}

	/**
	 * The next version, retired: no new bookings; existing ones and history keep
	 * referring to it.
	 */
	public Treatment retire(StateEvents events, Instant now) {
		return of(this.id, definition(), false, this.version + 1, this.outbox).recorded(events, now);
	}

	private Treatment recorded(StateEvents events, Instant now) {
		this.outbox.add(events.message(this.id, toState(), now));
		return this;
	}

	public TreatmentDefinition definition() {
		return new TreatmentDefinition(this.slug, this.name, this.category, this.description, this.duration,
				this.preparation, this.cleanup, this.price, this.currency, this.roomType, this.qualification,
				this.consultation, this.series, this.aftercare, this.preCare, this.deviceTypes);
	}

	/** The state the catalog publishes and serves. */
	public TreatmentState toState() {
		return new TreatmentState(new TreatmentId(this.id), this.slug, this.name, this.category, this.description,
				this.duration, this.preparation, this.cleanup, this.price, this.currency, this.roomType,
				this.qualification, this.consultation, this.series, this.aftercare, this.active, this.version,
				this.preCare, this.deviceTypes);
	}

	@Override
	public String id() {
		return this.id;
	}

	public String slug() {
		return this.slug;
	}

	public String name() {
		return this.name;
	}

	public String qualification() {
		return this.qualification;
	}

	public boolean active() {
		return this.active;
	}

	@Override
	public long version() {
		return this.version;
	}

	@Override
	public List<OutboxMessage> outbox() {
		return List.copyOf(this.outbox);
	}

}

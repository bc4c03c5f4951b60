package dev.medspa.catalog.practitioner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.medspa.catalog.StateEvents;
import dev.medspa.catalog.Versioned;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.support.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A practitioner: a display name, a role, qualifications and locations; no other personal
 * data.
 */
@Document(Practitioner.COLLECTION)
public class Practitioner implements Versioned {

	public static final String COLLECTION = "practitioners";

	@Id
	private final String id;

	private final String displayName;

	private final String role;

	private final List<String> qualifications;

	private final List<String> locations;

	private final boolean active;

	private final long version;

	private final List<OutboxMessage> outbox;

	@PersistenceCreator
	Practitioner(String id, String displayName, String role, List<String> qualifications, List<String> locations,
			boolean active, long version, @Nullable List<OutboxMessage> outbox) {
		this.id = id;
		this.displayName = displayName;
		this.role = role;
		this.qualifications = List.copyOf(qualifications);
		this.locations = List.copyOf(locations);
		this.active = active;
		this.version = version;
		this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
	}

	private static Practitioner of(String id, PractitionerDefinition d, boolean active, long version,
			List<OutboxMessage> outbox) {
		return new Practitioner(id, d.displayName(), d.role(), d.qualifications(), d.locations(), active, version,
				outbox);
	}

	/** A new, active practitioner at version 1. */
	public static Practitioner create(String id, PractitionerDefinition definition, StateEvents events, Instant now) {
		return of(id, definition, true, 1, List.of()).recorded(events, now);
	}

	public Practitioner revise(PractitionerDefinition definition, StateEvents events, Instant now) {
		return of(this.id, definition, this.active, this.version + 1, this.outbox).recorded(events, now);
	}

	/** No longer bookable; their past bookings stay. */
	public Practitioner retire(StateEvents events, Instant now) {
		return of(this.id, definition(), false, this.version + 1, this.outbox).recorded(events, now);
	}

	private Practitioner recorded(StateEvents events, Instant now) {
		this.outbox.add(events.message(this.id, toState(), now));
		return this;
	}

	public PractitionerDefinition definition() {
		return new PractitionerDefinition(this.displayName, this.role, this.qualifications, this.locations);
	}

	public PractitionerState toState() {
		return new PractitionerState(new PractitionerId(this.id), this.displayName, this.role, this.qualifications,
				this.locations.stream().map(LocationId::new).toList(), this.active, this.version);
	}

	@Override
	public String id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
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

package dev.medspa.catalog.practitioner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.medspa.catalog.StateEvents;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.support.outbox.OutboxMessage;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A practitioner: a display name, a role, qualifications and locations, and the embedded
 * outbox.
 */
@Document("practitioners")
public class Practitioner {

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
			boolean active, long version, List<OutboxMessage> outbox) {
		this.id = id;
		this.displayName = displayName;
		this.role = role;
		this.qualifications = List.copyOf(qualifications);
		this.locations = List.copyOf(locations);
		this.active = active;
		this.version = version;
		this.outbox = new ArrayList<>(outbox);
	}

	/**
	 * A new, active practitioner at version 1, with the state event waiting in the
	 * outbox.
	 */
	public static Practitioner create(PractitionerState definition, StateEvents events, Instant now) {
		Practitioner practitioner = new Practitioner(definition.id().value(), definition.displayName(),
				definition.role(), definition.qualifications(),
				definition.locations().stream().map(LocationId::value).toList(), true, 1, List.of());
		practitioner.outbox.add(events.message(practitioner.id, practitioner.toState(), now));
		return practitioner;
	}

	public PractitionerState toState() {
		return new PractitionerState(new PractitionerId(this.id), this.displayName, this.role, this.qualifications,
				this.locations.stream().map(LocationId::new).toList(), this.active, this.version);
	}

	public String id() {
		return this.id;
	}

}

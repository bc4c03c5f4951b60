package dev.medspa.catalog.location;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.medspa.catalog.StateEvents;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.LocationState.Address;
import dev.medspa.events.catalog.LocationState.Room;
import dev.medspa.support.outbox.OutboxMessage;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A clinic location, with its time zone, rooms and the treatments offered there, and its
 * embedded outbox.
 */
@Document("locations")
public class Location {

	@Id
	private final String id;

	private final String slug;

	private final String name;

	private final Address address;

	private final String phone;

	private final String zoneId;

	private final List<Room> rooms;

	private final List<String> treatments;

	private final boolean active;

	private final long version;

	private final List<OutboxMessage> outbox;

	@PersistenceCreator
	Location(String id, String slug, String name, Address address, String phone, String zoneId, List<Room> rooms,
			List<String> treatments, boolean active, long version, List<OutboxMessage> outbox) {
		this.id = id;
		this.slug = slug;
		this.name = name;
		this.address = address;
		this.phone = phone;
		this.zoneId = zoneId;
		this.rooms = List.copyOf(rooms);
		this.treatments = List.copyOf(treatments);
		this.active = active;
		this.version = version;
		this.outbox = new ArrayList<>(outbox);
	}

	/**
	 * A new, active location at version 1, with its state event waiting in the outbox.
	 */
	public static Location create(LocationState definition, StateEvents events, Instant now) {
		Location location = new Location(definition.id().value(), definition.slug(), definition.name(),
				definition.address(), definition.phone(), definition.zoneId(), definition.rooms(),
				definition.treatments().stream().map(TreatmentId::value).toList(), true, 1, List.of());
		location.outbox.add(events.message(location.id, location.toState(), now));
		return location;
	}

	public LocationState toState() {
		return new LocationState(new LocationId(this.id), this.slug, this.name, this.address, this.phone, this.zoneId,
				this.rooms, this.treatments.stream().map(TreatmentId::new).toList(), this.active, this.version);
	}

	public String id() {
		return this.id;
	}

	public boolean active() {
		return this.active;
	}

}

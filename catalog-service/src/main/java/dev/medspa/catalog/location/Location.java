package dev.medspa.catalog.location;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.medspa.catalog.StateEvents;
import dev.medspa.catalog.Versioned;
import dev.medspa.events.LocationId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.LocationState.Address;
import dev.medspa.events.catalog.LocationState.Device;
import dev.medspa.events.catalog.LocationState.OpeningHours;
import dev.medspa.events.catalog.LocationState.Room;
import dev.medspa.support.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A clinic location, with its time zone, opening hours, rooms, the devices its rooms
 * share and the treatments offered there.
 */
@Document(Location.COLLECTION)
public class Location implements Versioned {

	public static final String COLLECTION = "locations";

	@Id
	private final String id;

	@Indexed(unique = true)
	private final String slug;

	private final String name;

	private final Address address;

	private final String phone;

	private final String zoneId;

	private final List<OpeningHours> openingHours;

	private final List<Room> rooms;

	private final List<Device> devices;

	private final List<String> treatments;

	private final boolean active;

	private final long version;

	private final List<OutboxMessage> outbox;

	@PersistenceCreator
	Location(String id, String slug, String name, Address address, String phone, String zoneId,
			@Nullable List<OpeningHours> openingHours, List<Room> rooms, @Nullable List<Device> devices,
			List<String> treatments, boolean active, long version, @Nullable List<OutboxMessage> outbox) {
		this.id = id;
		this.slug = slug;
		this.name = name;
		this.address = address;
		this.phone = phone;
		this.zoneId = zoneId;
		this.openingHours = openingHours == null ? List.of() : List.copyOf(openingHours);
		this.rooms = List.copyOf(rooms);
		this.devices = devices == null ? List.of() : List.copyOf(devices);
		this.treatments = List.copyOf(treatments);
		this.active = active;
		this.version = version;
		this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
	}

	private static Location of(String id, LocationDefinition d, boolean active, long version,
			List<OutboxMessage> outbox) {
		return new Location(id, d.slug(), d.name(), d.address(), d.phone(), d.zoneId(), d.openingHours(), d.rooms(),
				d.devices(), d.treatments(), active, version, outbox);
	}

	/** A new, open location at version 1; its id is its first slug and never changes. */
	public static Location create(LocationDefinition definition, StateEvents events, Instant now) {
		return of(definition.slug(), definition, true, 1, List.of()).recorded(events, now);
	}

	public Location revise(LocationDefinition definition, StateEvents events, Instant now) {
		return of(this.id, definition, this.active, this.version + 1, this.outbox).recorded(events, now);
	}

	/** Closes the location for new bookings; its history stays. */
	public Location retire(StateEvents events, Instant now) {
		return of(this.id, definition(), false, this.version + 1, this.outbox).recorded(events, now);
	}

	private Location recorded(StateEvents events, Instant now) {
		this.outbox.add(events.message(this.id, toState(), now));
		return this;
	}

	public LocationDefinition definition() {
		return new LocationDefinition(this.slug, this.name, this.address, this.phone, this.zoneId, this.openingHours,
				this.rooms, this.devices, this.treatments);
	}

	public LocationState toState() {
		return new LocationState(new LocationId(this.id), this.slug, this.name, this.address, this.phone, this.zoneId,
				this.rooms, this.treatments.stream().map(TreatmentId::new).toList(), this.active, this.version,
				this.openingHours, this.devices);
	}

	@Override
	public String id() {
		return this.id;
	}

	public List<String> treatments() {
		return this.treatments;
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

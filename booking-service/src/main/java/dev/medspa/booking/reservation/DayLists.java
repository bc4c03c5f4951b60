package dev.medspa.booking.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The bookings of each location's local day and each practitioner's day (in UTC), listed
 * in one document per day, so the staff's day views read by {@code _id} instead of
 * searching every booking. A booking is listed before it is stored or moved, so a list
 * may name a booking that is not (or no longer) there; readers check each against the day
 * they asked for. Cancelled and completed bookings stay listed: the day shows them. The
 * bookings stored before the lists existed are listed once ({@link ListsBackfill}).
 */
@Repository
public class DayLists {

	static final String COLLECTION = "day_lists";

	private final MongoTemplate mongo;

	DayLists(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Lists a booking on its location's day and its practitioner's, before it is written.
	 */
	void add(Booking booking) {
		LocalDate local = booking.start().atZone(ZoneId.of(booking.zoneId())).toLocalDate();
		add("location:" + booking.locationId() + "|" + local, booking.id());
		add("practitioner:" + booking.practitionerId() + "|" + LocalDate.ofInstant(booking.start(), ZoneOffset.UTC),
				booking.id());
	}

	/** The bookings of a location on its local day, in order of start. */
	public List<Booking> atLocation(String locationId, LocalDate date, ZoneId zone) {
		Instant from = date.atStartOfDay(zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
		return read(List.of("location:" + locationId + "|" + date),
				booking -> booking.locationId().equals(locationId) && within(booking, from, to));
	}

	/** A practitioner's bookings on a local day in the given zone, in order of start. */
	public List<Booking> ofPractitioner(String practitionerId, LocalDate date, ZoneId zone) {
		Instant from = date.atStartOfDay(zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
		Set<String> ids = new LinkedHashSet<>();
		for (LocalDate utc = LocalDate.ofInstant(from, ZoneOffset.UTC); !utc
			.isAfter(LocalDate.ofInstant(to, ZoneOffset.UTC)); utc = utc.plusDays(1)) {
			ids.add("practitioner:" + practitionerId + "|" + utc);
		}
		return read(List.copyOf(ids),
				booking -> practitionerId.equals(booking.practitionerId()) && within(booking, from, to));
	}

	private List<Booking> read(List<String> listIds, Predicate<Booking> belongs) {
		Set<String> bookingIds = new LinkedHashSet<>();
		for (String listId : listIds) {
			DayList list = this.mongo.findById(listId, DayList.class, COLLECTION);
			if (list != null && list.bookings() != null) {
				bookingIds.addAll(list.bookings());
			}
		}
		return bookingIds.stream()
			.map(id -> this.mongo.findById(id, Booking.class))
			.filter(Objects::nonNull)
			.filter(belongs)
			.sorted(Comparator.comparing(Booking::start))
			.toList();
	}

	private static boolean within(Booking booking, Instant from, Instant to) {
		return !booking.start().isBefore(from) && booking.start().isBefore(to);
	}

	private void add(String listId, String bookingId) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(listId)), new Update().addToSet("bookings", bookingId),
				DayList.class, COLLECTION);
	}

	/** The bookings of one day. */
	record DayList(@Id String id, @Nullable List<String> bookings) {
	}

}

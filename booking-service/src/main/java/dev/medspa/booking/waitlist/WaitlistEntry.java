package dev.medspa.booking.waitlist;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import dev.medspa.booking.reservation.Client;
import dev.medspa.support.outbox.OutboxMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's place on the waitlist for a treatment: where (one location, or any), which
 * days and which times of day suit them, how to reach them, and what became of it. Every
 * change raises {@code version} and is stored as a compare-and-set on the version it was
 * decided on; a change that tells the client something carries its event in
 * {@code outbox}.
 *
 * @param locationId null for any location that offers the treatment
 * @param partsOfDay empty for any time of day
 * @param weekdays empty for any day of the week
 * @param ignoredInARow offers that ran out unanswered since the last one taken or the
 * last time the waiter came back
 * @param offersDay the day (UTC) {@code offersThatDay} counts
 * @param currentOfferId the offer open for the waiter, if one is
 */
@Document(WaitlistEntry.COLLECTION)
public record WaitlistEntry(@Id String id, String treatmentId, @Nullable String locationId, LocalDate from,
		LocalDate to, Set<PartOfDay> partsOfDay, Set<DayOfWeek> weekdays, Client client, Instant joinedAt,
		EntryStatus status, int ignoredInARow, @Nullable LocalDate offersDay, int offersThatDay,
		@Nullable String currentOfferId, @Nullable String bookingId, List<String> offerIds, long version,
		@Nullable List<OutboxMessage> outbox) {

	public static final String COLLECTION = "waitlist_entries";

	/** Whether a slot starting then, in the location's zone, is one the waiter wants. */
	public boolean suits(ZonedDateTime start) {
		LocalDate day = start.toLocalDate();
		return !day.isBefore(this.from) && !day.isAfter(this.to)
				&& (this.partsOfDay.isEmpty() || this.partsOfDay.contains(PartOfDay.of(start.toLocalTime())))
				&& (this.weekdays.isEmpty() || this.weekdays.contains(start.getDayOfWeek()));
	}

	/** Offers made to this place on a day (UTC). */
	public int offersOn(LocalDate day) {
		return day.equals(this.offersDay) ? this.offersThatDay : 0;
	}

	WaitlistEntry offered(String offerId, LocalDate day) {
		return new WaitlistEntry(this.id, this.treatmentId, this.locationId, this.from, this.to, this.partsOfDay,
				this.weekdays, this.client, this.joinedAt, EntryStatus.OFFERED, this.ignoredInARow, day,
				offersOn(day) + 1, offerId, null, append(this.offerIds, offerId), this.version + 1, null);
	}

	/** The offer ran out unanswered: back in line, or paused after too many. */
	WaitlistEntry ignored(String offerId, int pauseAfter) {
		if (!offerId.equals(this.currentOfferId) || this.status.over()) {
			return this;
		}
		int ignored = this.ignoredInARow + 1;
		return with(ignored >= pauseAfter ? EntryStatus.PAUSED : EntryStatus.WAITING, ignored, null);
	}

	/** The offer went to someone else first: back in line, nothing held against them. */
	WaitlistEntry missed(String offerId) {
		if (!offerId.equals(this.currentOfferId) || this.status.over()) {
			return this;
		}
		return with(EntryStatus.WAITING, this.ignoredInARow, null);
	}

	WaitlistEntry booked(String bookingId) {
		return new WaitlistEntry(this.id, this.treatmentId, this.locationId, this.from, this.to, this.partsOfDay,
				this.weekdays, this.client, this.joinedAt, EntryStatus.BOOKED, 0, this.offersDay, this.offersThatDay,
				null, bookingId, this.offerIds, this.version + 1, null);
	}

	WaitlistEntry ended(EntryStatus end) {
		return with(end, this.ignoredInARow, null);
	}

	/**
	 * The client's data is erased: the place no longer names them and, if it was still
	 * open, it ends.
	 */
	WaitlistEntry erased() {
		return new WaitlistEntry(this.id, this.treatmentId, this.locationId, this.from, this.to, this.partsOfDay,
				this.weekdays, Client.erased(this.id), this.joinedAt,
				this.status.over() ? this.status : EntryStatus.LEFT, this.ignoredInARow, this.offersDay,
				this.offersThatDay, null, this.bookingId, this.offerIds, this.version + 1, null);
	}

	/** The waiter came back to a paused place. */
	WaitlistEntry resumed() {
		return with(EntryStatus.WAITING, 0, this.currentOfferId);
	}

	private WaitlistEntry with(EntryStatus next, int ignored, @Nullable String offerId) {
		return new WaitlistEntry(this.id, this.treatmentId, this.locationId, this.from, this.to, this.partsOfDay,
				this.weekdays, this.client, this.joinedAt, next, ignored, this.offersDay, this.offersThatDay, offerId,
				this.bookingId, this.offerIds, this.version + 1, null);
	}

	private static List<String> append(List<String> list, String item) {
		return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(item)).toList();
	}

}

package dev.medspa.booking.waitlist;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.medspa.booking.reservation.ClientRecords;
import dev.medspa.events.waitlist.WaitlistLeft;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A client's places on the waitlist, in their export and their erasure. Erasing a place
 * ends it and tells notification-service ({@code WaitlistLeft} with reason
 * {@code ERASED}) to drop what it holds for it.
 */
@Component
class WaitlistClientRecords implements ClientRecords {

	private final WaitlistStore store;

	private final Waitlist waitlist;

	private final Clock clock;

	WaitlistClientRecords(WaitlistStore store, Waitlist waitlist, Clock clock) {
		this.store = store;
		this.waitlist = waitlist;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "waitlist";
	}

	/** A place as the client's export shows it. */
	record Place(String id, String treatmentId, @Nullable String locationId, LocalDate from, LocalDate to,
			List<PartOfDay> partsOfDay, List<DayOfWeek> weekdays, EntryStatus status, Instant joinedAt, String name,
			String email, String phone, boolean consentToSms, List<Round.Offer> offers) {
	}

	@Override
	public List<?> of(String normalizedEmail) {
		return this.store.entriesOf(normalizedEmail)
			.stream()
			.flatMap(id -> this.store.entry(id).stream())
			.filter(entry -> !entry.client().isErased())
			.map(entry -> new Place(entry.id(), entry.treatmentId(), entry.locationId(), entry.from(), entry.to(),
					entry.partsOfDay().stream().sorted().toList(), entry.weekdays().stream().sorted().toList(),
					entry.status(), entry.joinedAt(), entry.client().name(), entry.client().email(),
					entry.client().phone(), entry.client().consentToSms(), this.waitlist.offersOf(entry)))
			.toList();
	}

	@Override
	public int erase(String normalizedEmail) {
		int erased = 0;
		for (String id : this.store.entriesOf(normalizedEmail)) {
			if (eraseEntry(id)) {
				erased++;
			}
		}
		this.store.forgetClient(normalizedEmail);
		return erased;
	}

	/**
	 * Erases the client from one place, ending it if it was open; nothing if it was
	 * erased already.
	 * @return whether this call erased it
	 */
	boolean eraseEntry(String id) {
		for (int attempt = 0; attempt < 5; attempt++) {
			WaitlistEntry entry = this.store.entry(id).orElse(null);
			if (entry == null || entry.client().isErased()) {
				return false;
			}
			WaitlistEntry next = entry.erased();
			Instant now = this.clock.instant();
			if (this.store.store(next, new WaitlistLeft(id, next.version(), "ERASED", now), now)) {
				this.store.forgetPlace(entry.client().normalizedEmail(), id);
				return true;
			}
		}
		return false;
	}

}

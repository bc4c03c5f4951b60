package dev.medspa.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.events.booking.PaymentRecorded;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.events.prepaid.PackagePurchased;
import dev.medspa.events.waitlist.WaitlistJoined;
import dev.medspa.events.waitlist.WaitlistLeft;
import dev.medspa.events.waitlist.WaitlistOffered;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;

/** Every event contract of the platform, looked up by type or by payload record. */
public final class EventContracts {

	public static final EventContract<TreatmentState> TREATMENT_STATE = new EventContract<>(
			"dev.medspa.catalog.treatment.state", Topics.TREATMENTS, 2, TreatmentState.class);

	public static final EventContract<LocationState> LOCATION_STATE = new EventContract<>(
			"dev.medspa.catalog.location.state", Topics.LOCATIONS, 2, LocationState.class);

	public static final EventContract<PractitionerState> PRACTITIONER_STATE = new EventContract<>(
			"dev.medspa.catalog.practitioner.state", Topics.PRACTITIONERS, 1, PractitionerState.class);

	public static final EventContract<BookingConfirmed> BOOKING_CONFIRMED = new EventContract<>(
			"dev.medspa.booking.confirmed", Topics.BOOKING_EVENTS, 3, BookingConfirmed.class);

	public static final EventContract<BookingRescheduled> BOOKING_RESCHEDULED = new EventContract<>(
			"dev.medspa.booking.rescheduled", Topics.BOOKING_EVENTS, 1, BookingRescheduled.class);

	public static final EventContract<BookingCancelled> BOOKING_CANCELLED = new EventContract<>(
			"dev.medspa.booking.cancelled", Topics.BOOKING_EVENTS, 2, BookingCancelled.class);

	public static final EventContract<BookingCheckedIn> BOOKING_CHECKED_IN = new EventContract<>(
			"dev.medspa.booking.checked-in", Topics.BOOKING_EVENTS, 1, BookingCheckedIn.class);

	public static final EventContract<BookingCompleted> BOOKING_COMPLETED = new EventContract<>(
			"dev.medspa.booking.completed", Topics.BOOKING_EVENTS, 1, BookingCompleted.class);

	public static final EventContract<BookingNoShow> BOOKING_NO_SHOW = new EventContract<>("dev.medspa.booking.no-show",
			Topics.BOOKING_EVENTS, 1, BookingNoShow.class);

	public static final EventContract<BookingClientErased> BOOKING_CLIENT_ERASED = new EventContract<>(
			"dev.medspa.booking.client-erased", Topics.BOOKING_EVENTS, 1, BookingClientErased.class);

	public static final EventContract<PaymentRecorded> PAYMENT_RECORDED = new EventContract<>(
			"dev.medspa.booking.payment-recorded", Topics.BOOKING_EVENTS, 1, PaymentRecorded.class);

	public static final EventContract<WaitlistJoined> WAITLIST_JOINED = new EventContract<>(
			"dev.medspa.waitlist.joined", Topics.WAITLIST_EVENTS, 1, WaitlistJoined.class);

	public static final EventContract<WaitlistOffered> WAITLIST_OFFERED = new EventContract<>(
			"dev.medspa.waitlist.offered", Topics.WAITLIST_EVENTS, 1, WaitlistOffered.class);

	public static final EventContract<WaitlistLeft> WAITLIST_LEFT = new EventContract<>("dev.medspa.waitlist.left",
			Topics.WAITLIST_EVENTS, 1, WaitlistLeft.class);

	public static final EventContract<IntakeStatusChanged> INTAKE_STATUS_CHANGED = new EventContract<>(
			"dev.medspa.intake.status-changed", Topics.INTAKE_EVENTS, 1, IntakeStatusChanged.class);

	public static final EventContract<PackagePurchased> PACKAGE_PURCHASED = new EventContract<>(
			"dev.medspa.package.purchased", Topics.PACKAGE_EVENTS, 1, PackagePurchased.class);

	public static final List<EventContract<?>> ALL = List.of(TREATMENT_STATE, LOCATION_STATE, PRACTITIONER_STATE,
			BOOKING_CONFIRMED, BOOKING_RESCHEDULED, BOOKING_CANCELLED, BOOKING_CHECKED_IN, BOOKING_COMPLETED,
			BOOKING_NO_SHOW, BOOKING_CLIENT_ERASED, PAYMENT_RECORDED, WAITLIST_JOINED, WAITLIST_OFFERED, WAITLIST_LEFT,
			INTAKE_STATUS_CHANGED, PACKAGE_PURCHASED);

	/**
	 * The contracts whose events other systems may receive through webhooks: the life
	 * events of bookings and waitlist places. The catalog's state records are not events
	 * of that kind.
	 */
	public static final List<EventContract<?>> FOR_WEBHOOKS = ALL.stream()
		.filter(contract -> contract.topic().equals(Topics.BOOKING_EVENTS)
				|| contract.topic().equals(Topics.WAITLIST_EVENTS))
		.toList();

	/**
	 * Payload fields that never leave the platform, whatever an older record holds: a
	 * client's manage link opens their booking.
	 */
	public static final java.util.Set<String> NEVER_SENT_OUT = java.util.Set.of("manageToken");

	private static final Map<String, EventContract<?>> BY_TYPE = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventContract::type, Function.identity()));

	private static final Map<Class<?>, EventContract<?>> BY_PAYLOAD = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(EventContract::payloadType, Function.identity()));

	private EventContracts() {
	}

	public static Optional<EventContract<?>> forType(String type) {
		return Optional.ofNullable(BY_TYPE.get(type));
	}

	@SuppressWarnings("unchecked")
	public static <T> EventContract<T> forPayload(Class<T> payloadType) {
		EventContract<?> contract = BY_PAYLOAD.get(payloadType);
		if (contract == null) {
			throw new IllegalArgumentException("No event contract for " + payloadType.getName());
		}
		return (EventContract<T>) contract;
	}

}

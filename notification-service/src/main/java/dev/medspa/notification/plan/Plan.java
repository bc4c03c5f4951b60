package dev.medspa.notification.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.medspa.events.booking.BookingCancelled;
import dev.medspa.events.booking.BookingCheckedIn;
import dev.medspa.events.booking.BookingCompleted;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingClientErased;
import dev.medspa.events.booking.BookingNoShow;
import dev.medspa.events.booking.BookingRescheduled;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.events.prepaid.PackagePurchased;
import dev.medspa.events.waitlist.WaitlistJoined;
import dev.medspa.events.waitlist.WaitlistLeft;
import dev.medspa.events.waitlist.WaitlistOffered;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.catalog.TreatmentSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything this service knows of one booking and every message planned for it. Each
 * booking event and each step of sending is one change to this one document, written only
 * if nobody changed it meanwhile ({@code revision}), so an event and a sender, or two
 * senders, never overwrite each other.
 *
 * @param bookingVersion the version of the last booking event applied; an event at or
 * below it was seen already and changes nothing
 * @param scheduleVersion the version of the event that last set the time and place;
 * confirmations and reminders planned before it are stale
 * @param completedAt when the treatment really ended, once completed
 * @param nextDueAt the earliest moment a message needs a sender, null if none does
 * @param revision raised on every write
 * @param waitlist set when the plan is a place on a waitlist's rather than a booking's
 * (its id is then {@code waitlist-<entry id>}, its versions the place's, its location,
 * time and zone those of the latest offer or of the place's wish; no location and UTC
 * while the waiter takes any location and has had no offer)
 * @param practitionerId who gives the treatment, as last heard of; null for a place on a
 * waitlist, for a booking confirmed under schema version 1, and for a plan stored before
 * it was kept
 * @param series the course booked in one go that the booking is a session of; or, on the
 * plan of the course's own confirmation ({@code series-<series id>}, whose time, place
 * and location are those of the first session heard of), the course itself; null
 * otherwise
 * @param intake where the booking's intake and consent forms stand, as intake-service
 * last said; null if it has said nothing (the treatment needs no forms, or the plan was
 * stored before forms existed)
 * @param clinicReason why the clinic cancelled the booking, as a code the cancellation is
 * worded from ({@code INTAKE_NOT_SUITABLE_NOW}, {@code INTAKE_CONSULTATION_FIRST},
 * {@code INTAKE_OTHER}); null for any other cancellation and while not cancelled
 * @param purchase set when the plan is a prepaid package's receipt rather than a
 * booking's (its id is then {@code package-<package id>}, its time the purchase's, its
 * zone UTC and it has no location)
 */
@Document("plans")
public record Plan(@Id String bookingId, long bookingVersion, long scheduleVersion, BookingStatus status,
		String treatmentId, @Nullable String locationId, String zoneId, Instant start, Instant end, Recipient client,
		@Nullable String manageToken, @Nullable Instant completedAt, List<PlannedMessage> messages,
		@Nullable Instant nextDueAt, long revision, @Nullable WaitlistPlace waitlist, @Nullable String practitionerId,
		@Nullable Series series, @Nullable IntakeForms intake, @Nullable String clinicReason,
		@Nullable PackagePurchase purchase) {

	private static final String WAITLIST_PREFIX = "waitlist-";

	private static final String SERIES_PREFIX = "series-";

	private static final String PACKAGE_PREFIX = "package-";

	/**
	 * Why a session of a course booked in one go has no confirmation of its own: the
	 * course's confirmation lists it.
	 */
	public static final String CONFIRMED_WITH_SERIES = "confirmed with the series";

	/**
	 * Why a forms message is not sent once the forms are done: the same words whatever
	 * came of them, since any staff member at the location reads the ledger, and whether
	 * answers called for a review is health information.
	 */
	public static final String FORMS_NO_LONGER_DUE = "the forms are no longer due";

	/** Why a nudge is not sent to a client on the waitlist for the same treatment. */
	public static final String JOINED_WAITLIST = "the client joined the waitlist for this treatment";

	public Plan {
		messages = List.copyOf(messages);
		nextDueAt = messages.stream()
			.map(PlannedMessage::readyAt)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
	}

	/**
	 * A new plan: the confirmation after a short grace
	 * ({@link PlanRules#confirmationGrace}, so that forms falling due just after the
	 * booking go with it), reminders and pre-care before the start. A session of a course
	 * booked in one go is confirmed with the course instead (see
	 * {@link #seriesConfirmed}): its own confirmation is left out, with the reason.
	 */
	public static Plan confirmed(BookingConfirmed event, TreatmentSummary treatment, LocationSummary location,
			PlanRules rules) {
		BookingConfirmed.ClientContact contact = event.client();
		Plan plan = new Plan(event.bookingId().value(), event.bookingVersion(), event.bookingVersion(),
				BookingStatus.CONFIRMED, treatment.id(), location.id(), location.zoneId(), event.start(), event.end(),
				Recipient.of(contact.name(), contact.email(), contact.phone(), contact.consentToSms()), null, null,
				List.of(), null, 0, null, (event.practitionerId() != null) ? event.practitionerId().value() : null,
				(event.series() != null) ? Series.of(event.series()) : null, null, null, null);
		plan = plan.plan(Step.CONFIRMATION, null, event.bookingVersion(),
				event.confirmedAt().plus(rules.confirmationGrace()), null);
		if (event.series() != null) {
			plan = plan.withMessages(plan.cancelPlanned(step -> step == Step.CONFIRMATION,
					CONFIRMED_WITH_SERIES + " (" + seriesId(event.series().seriesId()) + ")"));
		}
		return plan.planBeforeStart(treatment, rules, event.confirmedAt());
	}

	/** The id of the plan of a course booked in one go; no booking id starts like it. */
	public static String seriesId(String seriesId) {
		return SERIES_PREFIX + seriesId;
	}

	/**
	 * The plan of a course booked in one go, started by the first of its sessions'
	 * confirmations to arrive: one confirmation for the whole course, due once every
	 * session's confirmation has arrived, or after {@link PlanRules#seriesWait()} with
	 * those that have. It names the course's treatment and client; the sessions' times
	 * and places are read from their own plans when it is sent.
	 * @param heardAt when this service heard of the first session
	 */
	public static Plan seriesConfirmed(BookingConfirmed event, LocationSummary location, PlanRules rules,
			Instant heardAt) {
		BookingConfirmed.SeriesSession course = Objects.requireNonNull(event.series(), "a session of a series");
		BookingConfirmed.ClientContact contact = event.client();
		Series series = Series.course(course, event.bookingId().value());
		Plan plan = new Plan(seriesId(course.seriesId()), 0, 0, BookingStatus.CONFIRMED, event.treatmentId().value(),
				location.id(), location.zoneId(), event.start(), event.end(),
				Recipient.of(contact.name(), contact.email(), contact.phone(), contact.consentToSms()), null, null,
				List.of(), null, 0, null, null, series, null, null, null);
		return plan.plan(Step.SERIES_CONFIRMATION, null, 1,
				series.allListed() ? heardAt : heardAt.plus(rules.seriesWait()), null);
	}

	/**
	 * The confirmation of one more session of the course arrived. While the course's
	 * confirmation is still to be sent, it lists the session, and goes at once once it
	 * lists them all; once it is being sent or gone, the session is confirmed on its own.
	 * @return empty if the session was heard of already
	 */
	public Optional<Plan> sessionConfirmed(String sessionId, Instant now) {
		Series series = Objects.requireNonNull(this.series, "the plan of a series");
		PlannedMessage confirmation = seriesConfirmation().orElse(null);
		if (series.heardOf(sessionId) || !series.sessions().contains(sessionId) || confirmation == null) {
			return Optional.empty();
		}
		if (confirmation.status() != MessageStatus.PLANNED) {
			return Optional.of(withSeries(series.confirmingOnItsOwn(sessionId)));
		}
		Series listing = series.listing(sessionId);
		Plan plan = withSeries(listing);
		return Optional.of(listing.allListed() ? plan.replace(confirmation.id(), message -> message.dueBy(now)) : plan);
	}

	/** The confirmation of a course, if this is a course's plan. */
	public Optional<PlannedMessage> seriesConfirmation() {
		return this.messages.stream().filter(message -> message.step() == Step.SERIES_CONFIRMATION).findFirst();
	}

	/**
	 * The session's confirmation arrived after the course's had gone: its own
	 * confirmation, left out for the course's, goes after all, unless the booking moved
	 * or ended meanwhile.
	 * @return empty if there is nothing to put back
	 */
	public Optional<Plan> confirmingOnItsOwn(Instant now) {
		return this.messages.stream()
			.filter(message -> message.step() == Step.CONFIRMATION && message.status() == MessageStatus.CANCELLED
					&& message.reason() != null && message.reason().startsWith(CONFIRMED_WITH_SERIES))
			.filter(message -> this.status == BookingStatus.CONFIRMED && message.planVersion() >= this.scheduleVersion)
			.findFirst()
			.map(message -> replace(message.id(), found -> PlannedMessage.planned(this.bookingId, Step.CONFIRMATION,
					null, found.planVersion(), now, null, null)));
	}

	public ZoneId zone() {
		return ZoneId.of(this.zoneId);
	}

	/**
	 * Intake-service says where the booking's forms stand. When they fall due, the client
	 * gets their link once per booking: in the confirmation, if it has not gone yet (see
	 * {@link #carriesFormsLink}), or else at once on its own (see
	 * {@link #formsLinkOwed}); and one reminder before the visit while they stay due.
	 * Once they are filled in (or reviewed), a reminder still planned is dropped. Only a
	 * confirmed booking that has not begun hears of forms.
	 * @param now when the event is applied
	 * @return empty if this intake version, or a later one, was applied already
	 */
	public Optional<Plan> intakeChanged(IntakeStatusChanged event, PlanRules rules, Instant now) {
		if (this.intake != null && event.intakeVersion() <= this.intake.version()) {
			return Optional.empty();
		}
		IntakeForms forms = IntakeForms.of(event);
		if (!forms.due()) {
			return Optional.of(withIntake(forms,
					cancelPlanned(step -> step == Step.FORMS || step == Step.FORMS_REMINDER, FORMS_NO_LONGER_DUE)));
		}
		Plan plan = withIntake(forms, this.messages);
		if (this.status != BookingStatus.CONFIRMED || !now.isBefore(this.start)) {
			return Optional.of(plan);
		}
		return Optional.of(plan.formsLinkOwed(now).planFormsReminder(rules, now));
	}

	/**
	 * Whether this message, composed from this plan now, carries the forms' link: only a
	 * confirmation does, when the forms are due and no forms message of their own was
	 * planned. The sender records the answer with the sent confirmation, and what was
	 * sent decides whether the link is still owed (see {@link #formsLinkOwed}).
	 */
	public boolean carriesFormsLink(PlannedMessage message) {
		return message.step() == Step.CONFIRMATION && this.status == BookingStatus.CONFIRMED && this.intake != null
				&& this.intake.due() && this.messages.stream().noneMatch(planned -> planned.step() == Step.FORMS);
	}

	/**
	 * Plans the forms' link on its own (step {@code forms}, at once) if the forms are due
	 * and the client neither has it nor will have it with the confirmation: a
	 * confirmation still planned or being sent settles that when its outcome is recorded,
	 * one sent with the link is enough, and a forms message planned once is never planned
	 * again. So the link goes once, in whichever of the two was sent, whatever the order
	 * in which the forms fell due and the confirmation went.
	 */
	private Plan formsLinkOwed(Instant now) {
		if (this.intake == null || !this.intake.due() || this.status != BookingStatus.CONFIRMED
				|| !now.isBefore(this.start)) {
			return this;
		}
		boolean given = this.messages.stream()
			.anyMatch(message -> message.step() == Step.FORMS
					|| (message.step() == Step.CONFIRMATION && (message.status() == MessageStatus.PLANNED
							|| message.status() == MessageStatus.SENDING || message.carriedFormsLink())));
		return given ? this : plan(Step.FORMS, null, this.scheduleVersion, now, null);
	}

	/** Where the booking's forms stand, if intake-service has said. */
	public Optional<IntakeForms> forms() {
		return Optional.ofNullable(this.intake);
	}

	/** Whether an event of this booking version was applied already. */
	public boolean hasSeen(long version) {
		return version <= this.bookingVersion;
	}

	public Optional<PlannedMessage> message(String id) {
		return this.messages.stream().filter(message -> message.id().equals(id)).findFirst();
	}

	/** The booking moved: reminders and pre-care are re-timed, and the client is told. */
	public Plan rescheduled(BookingRescheduled event, TreatmentSummary treatment, LocationSummary location,
			PlanRules rules) {
		Plan moved = new Plan(this.bookingId, event.bookingVersion(), event.bookingVersion(), this.status,
				this.treatmentId, location.id(), location.zoneId(), event.start(), event.end(), this.client,
				this.manageToken, this.completedAt,
				cancelPlanned(step -> step.anchoredToStart() || step == Step.CONFIRMATION || step == Step.UPDATE,
						"the booking moved (version " + event.bookingVersion() + ")"),
				null, this.revision, this.waitlist,
				(event.practitionerId() != null) ? event.practitionerId().value() : this.practitionerId, this.series,
				this.intake, this.clinicReason, this.purchase);
		return moved.plan(Step.UPDATE, null, event.bookingVersion(), event.rescheduledAt(), null)
			.planBeforeStart(treatment, rules, event.rescheduledAt())
			.formsLinkOwed(event.rescheduledAt());
	}

	/**
	 * Everything still planned is cancelled; the client is told, with the invite
	 * withdrawn.
	 */
	public Plan cancelled(BookingCancelled event) {
		return new Plan(this.bookingId, event.bookingVersion(), this.scheduleVersion, BookingStatus.CANCELLED,
				this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken,
				this.completedAt, cancelPlanned(step -> true, "the booking was cancelled"), null, this.revision,
				this.waitlist, this.practitionerId, this.series, this.intake, event.clinicReason(), this.purchase)
			.plan(Step.CANCELLATION, null, event.bookingVersion(), event.cancelledAt(), null);
	}

	/**
	 * The client's data was erased: they are no longer named, and nothing more is sent to
	 * them; the ledger keeps what was sent, when, and why the rest was not.
	 */
	public Plan clientErased(BookingClientErased event) {
		return erased(event.bookingVersion());
	}

	/**
	 * The client of a course's plan was erased (through any of its sessions): the same as
	 * for a booking, at the plan's own version.
	 * @return empty if it was erased already
	 */
	public Optional<Plan> seriesClientErased() {
		if (Recipient.erased().equals(this.client)) {
			return Optional.empty();
		}
		return Optional.of(erased(this.bookingVersion));
	}

	private Plan erased(long version) {
		return new Plan(this.bookingId, version, this.scheduleVersion, this.status, this.treatmentId, this.locationId,
				this.zoneId, this.start, this.end, Recipient.erased(), null, this.completedAt,
				cancelPlanned(step -> true, "the client's data was erased"), null, this.revision, this.waitlist,
				this.practitionerId, this.series, this.intake, this.clinicReason, this.purchase);
	}

	/** The client is here: reminders still planned have no point any more. */
	public Plan checkedIn(BookingCheckedIn event) {
		return new Plan(this.bookingId, event.bookingVersion(), this.scheduleVersion, BookingStatus.CHECKED_IN,
				this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken,
				this.completedAt, cancelPlanned(Step::anchoredToStart, "the client checked in"), null, this.revision,
				this.waitlist, this.practitionerId, this.series, this.intake, this.clinicReason, this.purchase);
	}

	/**
	 * The treatment ended: its aftercare steps are planned from the moment it really
	 * ended, and the nudge for the next session of a series.
	 */
	public Plan completed(BookingCompleted event, TreatmentSummary treatment, PlanRules rules) {
		Plan done = new Plan(this.bookingId, event.bookingVersion(), this.scheduleVersion, BookingStatus.COMPLETED,
				this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken,
				event.completedAt(), cancelPlanned(Step::anchoredToStart, "the treatment took place"), null,
				this.revision, this.waitlist, this.practitionerId, this.series, this.intake, this.clinicReason,
				this.purchase);
		ZoneId zone = zone();
		for (TreatmentSummary.Aftercare step : treatment.aftercareSteps()) {
			Instant due = rules.quietHours().later(after(event.completedAt(), step.offset(), zone), zone);
			done = done.plan(Step.AFTERCARE, step.key(), event.bookingVersion(), due, step.message());
		}
		if (treatment.nextSessionAfter() != null) {
			Instant due = event.completedAt().atZone(zone).plus(treatment.nextSessionAfter()).toInstant();
			done = done.plan(Step.REBOOK_NUDGE, null, event.bookingVersion(), rules.quietHours().later(due, zone),
					null);
		}
		return done;
	}

	/**
	 * The day the next session of the series falls due, in the location's zone: the
	 * recorded completion plus the series' spacing (before quiet hours move the nudge).
	 * @return null until the treatment is completed, or for a treatment not given as a
	 * series
	 */
	public @Nullable LocalDate nextSessionDue(TreatmentSummary treatment) {
		if (this.completedAt == null || treatment.nextSessionAfter() == null) {
			return null;
		}
		return this.completedAt.atZone(zone()).plus(treatment.nextSessionAfter()).toLocalDate();
	}

	/**
	 * The client joined the waitlist for this plan's treatment: the nudge to book the
	 * next session, if still planned, has no point any more (the waitlist offers them a
	 * time).
	 * @return the plan with the nudge cancelled, or empty if no nudge is planned
	 */
	public Optional<Plan> clientJoinedWaitlist() {
		boolean nudgePlanned = this.messages.stream()
			.anyMatch(message -> message.step() == Step.REBOOK_NUDGE && message.status() == MessageStatus.PLANNED);
		if (!nudgePlanned) {
			return Optional.empty();
		}
		return Optional
			.of(new Plan(this.bookingId, this.bookingVersion, this.scheduleVersion, this.status, this.treatmentId,
					this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken, this.completedAt,
					cancelPlanned(step -> step == Step.REBOOK_NUDGE, JOINED_WAITLIST), null, this.revision,
					this.waitlist, this.practitionerId, this.series, this.intake, this.clinicReason, this.purchase));
	}

	/** Whether this is a place on the waitlist that still lasts. */
	public boolean waiting() {
		return this.waitlist != null && this.status == BookingStatus.WAITING;
	}

	/**
	 * The client did not come: whatever is planned goes, and an offer to rebook comes.
	 */
	public Plan noShow(BookingNoShow event, PlanRules rules) {
		return new Plan(this.bookingId, event.bookingVersion(), this.scheduleVersion, BookingStatus.NO_SHOW,
				this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken,
				this.completedAt, cancelPlanned(step -> true, "the client did not come"), null, this.revision,
				this.waitlist, this.practitionerId, this.series, this.intake, this.clinicReason, this.purchase)
			.plan(Step.NO_SHOW, null, event.bookingVersion(), rules.quietHours().later(event.recordedAt(), zone()),
					null);
	}

	/** The id of the plan of a place on a waitlist; no booking id starts like it. */
	public static String waitlistId(String entryId) {
		return WAITLIST_PREFIX + entryId;
	}

	/**
	 * A new place on a waitlist: the waiter is told at once that they are on it.
	 * @param location the location wanted, or null for any location
	 */
	public static Plan joinedWaitlist(WaitlistJoined event, @Nullable LocationSummary location) {
		BookingConfirmed.ClientContact contact = event.client();
		Plan plan = new Plan(waitlistId(event.entryId()), event.entryVersion(), event.entryVersion(),
				BookingStatus.WAITING, event.treatmentId().value(), (location != null) ? location.id() : null,
				(location != null) ? location.zoneId() : "UTC", event.joinedAt(), event.joinedAt(),
				Recipient.of(contact.name(), contact.email(), contact.phone(), contact.consentToSms()), null, null,
				List.of(), null, 0, WaitlistPlace.of(event), null, null, null, null, null);
		return plan.plan(Step.WAITLIST_JOINED, null, event.entryVersion(), event.joinedAt(), null);
	}

	/**
	 * The plan of a place whose join never reached this service (it was dead-lettered):
	 * the offer is all it knows, and enough to send it.
	 */
	public static Plan offeredWaitlist(WaitlistOffered event, LocationSummary location) {
		BookingConfirmed.ClientContact contact = event.client();
		return new Plan(waitlistId(event.entryId()), event.entryVersion() - 1, event.entryVersion() - 1,
				BookingStatus.WAITING, event.treatmentId().value(), location.id(), location.zoneId(), event.start(),
				event.end(), Recipient.of(contact.name(), contact.email(), contact.phone(), contact.consentToSms()),
				null, null, List.of(), null, 0, WaitlistPlace.unknownWishes(event.entryId()), null, null, null, null,
				null)
			.offered(event, location);
	}

	/**
	 * A freed slot is held for the waiter: they hear of it at once, by e-mail and, if
	 * they agreed to texts, by SMS. An offer is planned once, whatever version brings it
	 * again; an earlier offer still unsent stays planned, since each has its own slot and
	 * hold.
	 */
	public Plan offered(WaitlistOffered event, LocationSummary location) {
		BookingConfirmed.ClientContact contact = event.client();
		Plan offered = new Plan(this.bookingId, event.entryVersion(), event.entryVersion(), BookingStatus.WAITING,
				this.treatmentId, location.id(), location.zoneId(), event.start(), event.end(),
				Recipient.of(contact.name(), contact.email(), contact.phone(), contact.consentToSms()),
				this.manageToken, this.completedAt, this.messages, null, this.revision, this.waitlist,
				this.practitionerId, this.series, this.intake, this.clinicReason, this.purchase);
		boolean planned = this.messages.stream()
			.anyMatch(message -> message.offer() != null && message.offer().offerId().equals(event.offerId()));
		if (planned) {
			return offered;
		}
		Offer offer = Offer.of(event);
		offered = offered.plan(Step.OFFER, event.offerId(), event.entryVersion(), event.offeredAt(), null, offer);
		if (offered.client.textable()) {
			offered = offered.plan(Step.SMS_OFFER, event.offerId(), event.entryVersion(), event.offeredAt(), null,
					offer);
		}
		return offered;
	}

	/**
	 * The place ended (left, booked, or its last day passed): nothing more is sent; when
	 * it ended because the client's data was erased, the plan no longer names them
	 * either.
	 */
	public Plan leftWaitlist(WaitlistLeft event) {
		if ("ERASED".equals(event.reason())) {
			return new Plan(this.bookingId, event.entryVersion(), this.scheduleVersion, BookingStatus.LEFT,
					this.treatmentId, this.locationId, this.zoneId, this.start, this.end, Recipient.erased(), null,
					this.completedAt, cancelPlanned(step -> true, "the client's data was erased"), null, this.revision,
					this.waitlist, this.practitionerId, this.series, this.intake, this.clinicReason, this.purchase);
		}
		return new Plan(this.bookingId, event.entryVersion(), this.scheduleVersion, BookingStatus.LEFT,
				this.treatmentId, this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken,
				this.completedAt, cancelPlanned(step -> true, "the place on the waitlist ended"), null, this.revision,
				this.waitlist, this.practitionerId, this.series, this.intake, this.clinicReason, this.purchase);
	}

	/**
	 * The id of the plan of a prepaid package's receipt; no booking id starts like it.
	 */
	public static String packageId(String packageId) {
		return PACKAGE_PREFIX + packageId;
	}

	/**
	 * A prepaid package was paid for: the buyer gets its receipt at once. The plan keeps
	 * the buyer only until the receipt is settled (see {@link #settle}).
	 */
	public static Plan packagePurchased(PackagePurchased event) {
		PackagePurchased.Buyer buyer = event.client();
		Plan plan = new Plan(packageId(event.packageId()), 1, 1, BookingStatus.PAID, event.treatmentId().value(), null,
				"UTC", event.purchasedAt(), event.purchasedAt(), Recipient.of(buyer.name(), buyer.email(), null, false),
				null, null, List.of(), null, 0, null, null, null, null, null, PackagePurchase.of(event));
		return plan.plan(Step.PACKAGE_RECEIPT, null, 1, event.purchasedAt(), null);
	}

	/**
	 * The location a message is about: an offer's own, or the plan's (none for a waiter
	 * who takes any location).
	 */
	public @Nullable String locationOf(PlannedMessage message) {
		return (message.offer() != null) ? message.offer().locationId() : this.locationId;
	}

	/**
	 * Why this message should not go out any more given what is known of the booking now,
	 * or null if it still should. Checked just before sending, since the booking may have
	 * changed after the message was claimed.
	 */
	public @Nullable String staleReason(PlannedMessage message) {
		if (this.status == BookingStatus.LEFT) {
			return "the place on the waitlist ended";
		}
		if (this.status == BookingStatus.CANCELLED && message.step() != Step.CANCELLATION) {
			return "the booking was cancelled";
		}
		if (message.step() == Step.CANCELLATION && this.status != BookingStatus.CANCELLED) {
			return "the booking is no longer cancelled";
		}
		boolean aboutTheAppointment = message.step().anchoredToStart() || message.step() == Step.CONFIRMATION
				|| message.step() == Step.UPDATE;
		if (aboutTheAppointment && message.planVersion() < this.scheduleVersion) {
			return "the booking moved after it was planned";
		}
		if (message.step().anchoredToStart() && this.status != BookingStatus.CONFIRMED) {
			return "the appointment is " + this.status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		}
		if (message.step() == Step.NO_SHOW && this.status != BookingStatus.NO_SHOW) {
			return "the booking is no longer a no-show";
		}
		if ((message.step() == Step.FORMS || message.step() == Step.FORMS_REMINDER)
				&& (this.intake == null || !this.intake.due())) {
			return (this.intake == null) ? "no forms are due" : FORMS_NO_LONGER_DUE;
		}
		return null;
	}

	/** Takes a due message for one sender, for as long as the lease. */
	public Optional<Plan> claim(String messageId, String owner, Instant now, Duration lease) {
		return message(messageId).filter(message -> message.claimableAt(now))
			.map(message -> replace(messageId, found -> found.claimed(owner, now.plus(lease))));
	}

	/**
	 * Records the outcome of a send; only the sender holding the message may. A
	 * confirmation that went without the forms' link (or did not go) while the forms fell
	 * due leaves the link owed, and it is planned in the same write.
	 * @param now when the outcome is recorded
	 */
	public Optional<Plan> settle(String messageId, String owner, UnaryOperator<PlannedMessage> outcome, Instant now) {
		return message(messageId)
			.filter(message -> message.status() == MessageStatus.SENDING && owner.equals(message.leaseOwner()))
			.map(message -> {
				Plan settled = replace(messageId, outcome);
				return (message.step() == Step.CONFIRMATION) ? settled.formsLinkOwed(now) : settled.receiptSettled();
			});
	}

	/**
	 * A package's receipt sent (or given up): nothing more goes to the buyer, so the plan
	 * forgets them in the same write, and the ledger keeps what was sent, when, and why
	 * not. booking-service's erasure of a buyer then has nothing to tell this service.
	 */
	private Plan receiptSettled() {
		boolean open = this.messages.stream()
			.anyMatch(
					message -> message.status() == MessageStatus.PLANNED || message.status() == MessageStatus.SENDING);
		if (this.purchase == null || open) {
			return this;
		}
		return new Plan(this.bookingId, this.bookingVersion, this.scheduleVersion, this.status, this.treatmentId,
				this.locationId, this.zoneId, this.start, this.end, Recipient.erased(), null, this.completedAt,
				this.messages, null, this.revision, this.waitlist, this.practitionerId, this.series, this.intake,
				this.clinicReason, this.purchase);
	}

	public static PlannedMessage sent(PlannedMessage message, Instant at) {
		return message.sent(at);
	}

	/**
	 * Sent, as composed: a confirmation records whether it carried the forms' link (see
	 * {@link #carriesFormsLink}).
	 */
	public static PlannedMessage sent(PlannedMessage message, Instant at, boolean formsLink) {
		return message.sent(at, (message.step() == Step.CONFIRMATION) ? formsLink : null);
	}

	public static PlannedMessage retryLater(PlannedMessage message, Instant at, String error) {
		return message.retryLater(at, error);
	}

	public static PlannedMessage deferred(PlannedMessage message, Instant until, String why) {
		return message.deferred(until, why);
	}

	public static PlannedMessage failed(PlannedMessage message, String why) {
		return message.failed(why);
	}

	public static PlannedMessage cancelled(PlannedMessage message, String why) {
		return message.cancelled(why);
	}

	/** The same plan, one revision on: what a successful write stores. */
	public Plan nextRevision() {
		return new Plan(this.bookingId, this.bookingVersion, this.scheduleVersion, this.status, this.treatmentId,
				this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken, this.completedAt,
				this.messages, null, this.revision + 1, this.waitlist, this.practitionerId, this.series, this.intake,
				this.clinicReason, this.purchase);
	}

	private Plan planBeforeStart(TreatmentSummary treatment, PlanRules rules, Instant now) {
		Plan plan = this;
		ZoneId zone = zone();
		plan = plan.planBefore(Step.REMINDER, before(this.start, rules.reminderBefore(), zone), rules, now);
		if (this.client.textable()) {
			plan = plan.planBefore(Step.SMS_REMINDER, before(this.start, rules.smsReminderBefore(), zone), rules, now);
		}
		if (treatment.preCare() != null && !treatment.preCare().isBlank()) {
			Instant due = before(this.start, rules.preCareBefore(), zone);
			plan = plan.planBefore(Step.PRE_CARE, due.isAfter(now) ? due : now, rules, now);
		}
		return plan.planFormsReminder(rules, now);
	}

	/**
	 * One reminder of forms still due, before the start: at the usual time before it, or,
	 * for a visit booked later than that, halfway between now and the start, so that it
	 * never follows the link itself at once. A time in the night moves to the evening
	 * before, unless that is before the halfway point, then to the morning; if that is
	 * not before the start, there is no reminder. Keyed by the intake version, so forms
	 * that fall due again after they were done are reminded of again; one reminder
	 * planned for this time and place is enough.
	 */
	private Plan planFormsReminder(PlanRules rules, Instant now) {
		if (this.intake == null || !this.intake.due() || this.status != BookingStatus.CONFIRMED
				|| !now.isBefore(this.start)) {
			return this;
		}
		boolean planned = this.messages.stream()
			.anyMatch(message -> message.step() == Step.FORMS_REMINDER && message.status() == MessageStatus.PLANNED
					&& message.planVersion() >= this.scheduleVersion);
		if (planned) {
			return this;
		}
		ZoneId zone = zone();
		Instant halfway = now.plus(Duration.between(now, this.start).dividedBy(2));
		Instant due = before(this.start, rules.formsReminderBefore(), zone);
		Instant target = due.isBefore(halfway) ? halfway : due;
		Instant at = rules.quietHours().earlier(target, zone);
		if (at.isBefore(halfway)) {
			at = rules.quietHours().later(target, zone);
		}
		if (at.isBefore(now) || !at.isBefore(this.start)) {
			return this;
		}
		return plan(Step.FORMS_REMINDER, "intake-" + this.intake.version(), this.scheduleVersion, at, null);
	}

	/**
	 * Plans a message that must arrive before the start: a night-time due time moves to
	 * the evening before, or if that is past, to the morning, as long as that is still
	 * before the start. Otherwise there is no sensible time, and it is left out.
	 */
	private Plan planBefore(Step step, Instant due, PlanRules rules, Instant now) {
		ZoneId zone = zone();
		Instant evening = rules.quietHours().earlier(due, zone);
		Instant at = !evening.isBefore(now) ? evening : rules.quietHours().later(due, zone);
		if (at.isBefore(now) || !at.isBefore(this.start)) {
			return this;
		}
		return plan(step, null, this.scheduleVersion, at, null);
	}

	private Plan plan(Step step, @Nullable String key, long planVersion, Instant due, @Nullable String body) {
		return plan(step, key, planVersion, due, body, null);
	}

	private Plan plan(Step step, @Nullable String key, long planVersion, Instant due, @Nullable String body,
			@Nullable Offer offer) {
		PlannedMessage message = PlannedMessage.planned(this.bookingId, step, key, planVersion, due, body, offer);
		if (message(message.id()).isPresent()) {
			return this;
		}
		List<PlannedMessage> messages = new ArrayList<>(this.messages);
		messages.add(message);
		return withMessages(messages);
	}

	private List<PlannedMessage> cancelPlanned(java.util.function.Predicate<Step> which, String why) {
		return this.messages.stream()
			.map(message -> (message.status() == MessageStatus.PLANNED && which.test(message.step()))
					? message.cancelled(why) : message)
			.toList();
	}

	private Plan replace(String messageId, UnaryOperator<PlannedMessage> change) {
		return withMessages(this.messages.stream()
			.map(message -> message.id().equals(messageId) ? change.apply(message) : message)
			.toList());
	}

	private Plan withSeries(Series series) {
		return new Plan(this.bookingId, this.bookingVersion, this.scheduleVersion, this.status, this.treatmentId,
				this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken, this.completedAt,
				this.messages, null, this.revision, this.waitlist, this.practitionerId, series, this.intake,
				this.clinicReason, this.purchase);
	}

	private Plan withIntake(IntakeForms forms, List<PlannedMessage> messages) {
		return new Plan(this.bookingId, this.bookingVersion, this.scheduleVersion, this.status, this.treatmentId,
				this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken, this.completedAt,
				messages, null, this.revision, this.waitlist, this.practitionerId, this.series, forms,
				this.clinicReason, this.purchase);
	}

	private Plan withMessages(List<PlannedMessage> messages) {
		return new Plan(this.bookingId, this.bookingVersion, this.scheduleVersion, this.status, this.treatmentId,
				this.locationId, this.zoneId, this.start, this.end, this.client, this.manageToken, this.completedAt,
				messages, null, this.revision, this.waitlist, this.practitionerId, this.series, this.intake,
				this.clinicReason, this.purchase);
	}

	/**
	 * An aftercare step says what the client may do again after at least so long, so it
	 * never comes early: an offset of whole days keeps the local time of day, unless a
	 * daylight-saving change made those days shorter, in which case the full time counts.
	 */
	static Instant after(Instant anchor, Duration offset, ZoneId zone) {
		Instant exact = anchor.plus(offset);
		if (offset.isZero() || offset.toSeconds() % Duration.ofDays(1).toSeconds() != 0) {
			return exact;
		}
		Instant sameLocalTime = anchor.atZone(zone).plusDays(offset.toDays()).toInstant();
		return sameLocalTime.isAfter(exact) ? sameLocalTime : exact;
	}

	/**
	 * A reminder of whole days before the start comes at the start's local time of day,
	 * across a daylight-saving change too; any other offset is exact.
	 */
	static Instant before(Instant anchor, Duration offset, ZoneId zone) {
		if (offset.isZero() || offset.toSeconds() % Duration.ofDays(1).toSeconds() != 0) {
			return anchor.minus(offset);
		}
		return anchor.atZone(zone).minusDays(offset.toDays()).toInstant();
	}

	/**
	 * Why a message that was due should not go now after all, or null if it may: a
	 * reminder (or the forms' link) once the appointment has begun (the service was down,
	 * or sending kept failing) has missed its moment.
	 */
	public @Nullable String tooLate(PlannedMessage message, Instant now) {
		if ((message.step().anchoredToStart() || message.step() == Step.FORMS) && !now.isBefore(this.start)) {
			return "the appointment had begun before it could be sent";
		}
		if (message.offer() != null && !now.isBefore(message.offer().expiresAt())) {
			return "the offer ran out before it could be sent";
		}
		return null;
	}

}

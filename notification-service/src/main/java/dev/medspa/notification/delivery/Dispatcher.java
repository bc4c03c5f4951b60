package dev.medspa.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.annotation.PreDestroy;

import dev.medspa.notification.catalog.CatalogReadModel;
import dev.medspa.notification.catalog.LocationSummary;
import dev.medspa.notification.catalog.PractitionerSummary;
import dev.medspa.notification.catalog.TreatmentSummary;
import dev.medspa.notification.compose.MessageComposer;
import dev.medspa.notification.config.NotificationProperties;
import dev.medspa.notification.mail.EmailSender;
import dev.medspa.notification.mail.EmailSender.EmailRejected;
import dev.medspa.notification.plan.BookingStatus;
import dev.medspa.notification.plan.Channel;
import dev.medspa.notification.plan.DueIndex;
import dev.medspa.notification.plan.MessagesDue;
import dev.medspa.notification.plan.MessageStatus;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanRules;
import dev.medspa.notification.plan.PlanStore;
import dev.medspa.notification.plan.PlannedMessage;
import dev.medspa.notification.plan.Series;
import dev.medspa.notification.plan.Step;
import dev.medspa.notification.preferences.ContactPreferences;
import dev.medspa.notification.sms.SmsSender;
import dev.medspa.notification.sms.SmsDestinations;
import dev.medspa.notification.sms.SmsSender.SmsRejected;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Sends what is due. A message is claimed under a lease in one compare-and-set write, so
 * two instances never send the same message; just before sending, it is checked against
 * the booking's latest state and the clock (a reminder after the start is pointless; a
 * message that became due overnight waits for the morning); afterwards its outcome is
 * recorded by the sender that holds it, and only by that one. A failure that may pass is
 * retried with a growing wait; a refusal, or too many failures, marks it failed with the
 * reason.
 * <p>
 * What is due at once (a confirmation, a cancellation notice) is sent as soon as its plan
 * is written; everything else is found through the {@link DueIndex} every round (a second
 * by default). Plans are sent several at a time.
 */
@Component
public class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final PlanStore plans;

	private final CatalogReadModel catalog;

	private final MessageComposer composer;

	private final EmailSender email;

	private final SmsSender sms;

	private final SmsDestinations smsDestinations;

	private final ContactPreferences preferences;

	private final PlanRules rules;

	private final NotificationProperties properties;

	private final Clock clock;

	/** Who holds a lease: this instance of the service. */
	private final String owner = UUID.randomUUID().toString();

	private final DueIndex index;

	/** Sends run several at a time, never more than the configured number. */
	private final ThreadPoolExecutor senders;

	/**
	 * The senders, continuing the trace of whoever handed them work: a confirmation is
	 * sent as part of the booking's trace.
	 */
	private final ExecutorService tracedSenders;

	private final Queue<Future<?>> inFlight = new ConcurrentLinkedQueue<>();

	private final DeliveryMeters meters;

	Dispatcher(PlanStore plans, DueIndex index, CatalogReadModel catalog, MessageComposer composer, EmailSender email,
			SmsSender sms, SmsDestinations smsDestinations, ContactPreferences preferences, PlanRules rules,
			NotificationProperties properties, Clock clock, DeliveryMeters meters) {
		this.meters = meters;
		this.smsDestinations = smsDestinations;
		this.plans = plans;
		this.index = index;
		int senders = properties.dispatch().senders();
		this.senders = new ThreadPoolExecutor(senders, senders, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(10_000),
				new CustomizableThreadFactory("sender-"), new ThreadPoolExecutor.CallerRunsPolicy());
		this.tracedSenders = ContextExecutorService.wrap(this.senders, ContextSnapshotFactory.builder().build());
		this.catalog = catalog;
		this.composer = composer;
		this.email = email;
		this.sms = sms;
		this.preferences = preferences;
		this.rules = rules;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${medspa.notification.dispatch.interval:PT1S}")
	void onSchedule() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			log.warn("Dispatching failed; trying again at the next round", ex);
		}
	}

	/**
	 * A plan was written with something due now: it is sent at once, beside the booking
	 * event's consumer rather than in it, so a slow mail server never holds up the
	 * events. If this instance stops before, the due index still lists the plan.
	 */
	@EventListener
	void onMessagesDue(MessagesDue due) {
		Runnable send = () -> {
			try {
				sendClaimable(due.plan(), this.clock.instant());
				this.index.done(due.bookingId(), due.at(), due.plan().revision(), this.clock.instant());
			}
			catch (RuntimeException ex) {
				log.warn("Sending the messages due for booking {} failed; the next round tries again", due.bookingId(),
						ex);
			}
		};
		this.inFlight.removeIf(Future::isDone);
		this.inFlight.add(this.tracedSenders.submit(send));
	}

	/**
	 * Sends every message due now: the plans the due index lists up to now, several at a
	 * time; then waits for what was being sent at once when this round began.
	 * @return how many messages were settled by this round
	 */
	public int dispatchDue() {
		List<Future<?>> earlier = List.copyOf(this.inFlight);
		Instant now = this.clock.instant();
		Map<String, List<DueIndex.Entry>> byPlan = new LinkedHashMap<>();
		for (DueIndex.Entry entry : this.index.upTo(now, this.properties.dispatch().batch())) {
			byPlan.computeIfAbsent(entry.bookingId(), id -> new ArrayList<>()).add(entry);
		}
		List<Future<Integer>> rounds = new ArrayList<>();
		byPlan.forEach(
				(bookingId, entries) -> rounds.add(this.tracedSenders.submit(() -> handle(bookingId, entries, now))));
		int settled = 0;
		for (Future<Integer> round : rounds) {
			settled += await(round);
		}
		earlier.forEach(Dispatcher::await);
		this.index.tidy(now);
		return settled;
	}

	/**
	 * Sends what the plan has due, then forgets the entries the plan has moved past, and
	 * those whose plan write never happened.
	 */
	private int handle(String bookingId, List<DueIndex.Entry> entries, Instant now) {
		Plan plan = this.plans.find(bookingId).orElse(null);
		int settled = plan == null ? 0 : sendClaimable(plan, now);
		for (DueIndex.Entry entry : entries) {
			if (plan == null || plan.revision() >= entry.revision() || entry.longPast(now)) {
				this.index.done(entry);
			}
		}
		return settled;
	}

	/**
	 * Claims and sends each message of the plan that is due, carrying the plan from one
	 * write to the next so that only a write that lost to another writer reads it again.
	 */
	private int sendClaimable(Plan plan, Instant now) {
		int settled = 0;
		Plan latest = plan;
		for (PlannedMessage message : plan.messages()) {
			if (message.claimableAt(now)) {
				Optional<Plan> claimed = claim(latest, message.id());
				if (claimed.isPresent()) {
					latest = deliver(claimed.get(), message.id());
					settled++;
				}
			}
		}
		return settled;
	}

	private static <T> @Nullable T await(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.senders.shutdown();
		this.senders.awaitTermination(30, TimeUnit.SECONDS);
	}

	/**
	 * Takes a due message for this instance.
	 * @return the plan as claimed, if this instance won it
	 */
	public Optional<Plan> claim(String bookingId, String messageId) {
		return this.plans.find(bookingId).flatMap(plan -> claim(plan, messageId));
	}

	private Optional<Plan> claim(Plan known, String messageId) {
		Instant now = this.clock.instant();
		return this.plans.update(known, plan -> plan.claim(messageId, this.owner, now, this.properties.sendLease()));
	}

	/** Sends a message this instance claimed, unless the booking says it is stale now. */
	public void deliver(String bookingId, String messageId) {
		this.plans.find(bookingId).ifPresent(plan -> deliver(plan, messageId));
	}

	/**
	 * Sends a message of the plan as this instance claimed it, and records the outcome.
	 * @return the plan after that
	 */
	private Plan deliver(Plan plan, String messageId) {
		PlannedMessage message = plan.message(messageId).orElse(null);
		if (message == null || message.status() != MessageStatus.SENDING || !this.owner.equals(message.leaseOwner())) {
			return plan;
		}
		String stale = staleReason(plan, message);
		if (stale != null) {
			Plan after = settle(plan, messageId, found -> Plan.cancelled(found, stale));
			this.meters.count(message, DeliveryMeters.Outcome.CANCELLED);
			log.info("Message {} not sent: {}", messageId, stale);
			return after;
		}
		Instant now = this.clock.instant();
		String late = plan.tooLate(message, now);
		if (late != null) {
			Plan after = settle(plan, messageId, found -> Plan.cancelled(found, late));
			this.meters.count(message, DeliveryMeters.Outcome.CANCELLED);
			log.info("Message {} not sent: {}", messageId, late);
			return after;
		}
		if (!message.step().immediate() && this.rules.quietHours().contains(now, plan.zone())) {
			Instant morning = this.rules.quietHours().later(now, plan.zone());
			Plan after = settle(plan, messageId,
					found -> Plan.deferred(found, morning, "held back during quiet hours"));
			this.meters.count(message, DeliveryMeters.Outcome.DEFERRED);
			log.info("Message {} held back until {}: quiet hours", messageId, morning);
			return after;
		}
		// decided on the plan as claimed, which the mail is composed from too
		boolean formsLink = plan.carriesFormsLink(message);
		try {
			send(plan, message);
		}
		catch (EmailRejected | SmsRejected ex) {
			Plan after = settle(plan, messageId, found -> Plan.failed(found, ex.getMessage()));
			this.meters.count(message, DeliveryMeters.Outcome.FAILED);
			log.warn("Message {} failed for good: {}", messageId, ex.getMessage());
			return after;
		}
		catch (RuntimeException ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (message.attempts() >= this.properties.dispatch().maxAttempts()) {
				log.warn("Message {} given up after {} attempts: {}", messageId, message.attempts(), error);
				this.meters.count(message, DeliveryMeters.Outcome.FAILED);
				return settle(plan, messageId,
						found -> Plan.failed(found, "gave up after " + found.attempts() + " attempts: " + error));
			}
			Instant retryAt = this.clock.instant().plus(backOff(message.attempts()));
			log.info("Message {} not sent ({}); trying again at {}", messageId, error, retryAt);
			this.meters.count(message, DeliveryMeters.Outcome.RETRY);
			return settle(plan, messageId, found -> Plan.retryLater(found, retryAt, error));
		}
		Instant sentAt = this.clock.instant();
		log.info("Message {} sent", messageId);
		this.meters.sent(message, sentAt);
		return settle(plan, messageId, found -> Plan.sent(found, sentAt, formsLink));
	}

	private void send(Plan plan, PlannedMessage message) {
		if (message.step() == Step.PACKAGE_RECEIPT) {
			// a receipt names the package as bought; it needs nothing from the catalog
			this.email.send(this.composer.packageReceipt(plan, message));
			return;
		}
		TreatmentSummary treatment = this.catalog.treatment(plan.treatmentId())
			.orElseThrow(() -> new IllegalStateException("treatment " + plan.treatmentId() + " not known yet"));
		String locationId = plan.locationOf(message);
		LocationSummary location = (locationId != null) ? this.catalog.location(locationId)
			.orElseThrow(() -> new IllegalStateException("location " + locationId + " not known yet")) : null;
		if (message.channel() == Channel.SMS) {
			this.smsDestinations.check(java.util.Objects.requireNonNullElse(plan.client().phone(), ""));
			this.sms.send(this.composer.sms(plan, message,
					java.util.Objects.requireNonNull(location, "an SMS names its location")));
			return;
		}
		if (message.step() == Step.SERIES_CONFIRMATION) {
			this.email.send(this.composer.seriesConfirmation(plan, message, treatment, sessions(plan)));
			return;
		}
		String unsubscribe = message.step().optional()
				? this.properties.unsubscribeUrl() + this.preferences.tokenFor(plan.client().normalizedEmail()) : null;
		this.email.send(this.composer.email(plan, message, treatment, location, unsubscribe));
	}

	/**
	 * The booking's own state first, then what only other plans and preferences know: a
	 * series' confirmation has no point once every session it lists is cancelled; a
	 * session's cancellation or move is news only once the client heard of the session; a
	 * nudge has no point once the next session is booked, the client waits on the
	 * waitlist for the treatment (a nudge planned after they joined), or the series is
	 * complete.
	 */
	private @Nullable String staleReason(Plan plan, PlannedMessage message) {
		String stale = plan.staleReason(message);
		if (stale != null) {
			return stale;
		}
		if (message.step() == Step.SERIES_CONFIRMATION) {
			return sessions(plan).isEmpty() ? "every session of the series was cancelled" : null;
		}
		if (message.step() == Step.CANCELLATION || message.step() == Step.UPDATE) {
			return notToldOfTheSessionYet(plan, message);
		}
		if (message.step() != Step.REBOOK_NUDGE) {
			return null;
		}
		if (this.preferences.optedOut(plan.client().normalizedEmail())) {
			return "the client unsubscribed from reminders to rebook";
		}
		var series = this.plans.ofClient(plan.client().normalizedEmail(), plan.treatmentId())
			.stream()
			.filter(other -> other.series() == null || !other.series().isCourse())
			.toList();
		boolean booked = series.stream()
			.anyMatch(other -> (other.status() == BookingStatus.CONFIRMED || other.status() == BookingStatus.CHECKED_IN)
					&& plan.completedAt() != null && other.start().isAfter(plan.completedAt()));
		if (booked) {
			return "the next session is booked already";
		}
		if (series.stream().anyMatch(Plan::waiting)) {
			return Plan.JOINED_WAITLIST;
		}
		int sessions = this.catalog.treatment(plan.treatmentId()).map(TreatmentSummary::sessions).orElse(0);
		long done = series.stream().filter(other -> other.status() == BookingStatus.COMPLETED).count();
		if (sessions > 0 && done >= sessions) {
			return "the series is complete";
		}
		return null;
	}

	/**
	 * A session of a course booked in one go whose course's confirmation has not gone yet
	 * (nor begun to: one being sent may list the session as it was) was never shown to
	 * the client: its cancellation is no news, and its new time is what the course's
	 * confirmation will show. A session confirmed on its own is told as any booking.
	 */
	private @Nullable String notToldOfTheSessionYet(Plan plan, PlannedMessage message) {
		Series series = plan.series();
		if (series == null || series.isCourse()) {
			return null;
		}
		Optional<Plan> course = this.plans.find(Plan.seriesId(series.seriesId()));
		if (course.map(Plan::series).filter(known -> known.onTheirOwn().contains(plan.bookingId())).isPresent()) {
			return null;
		}
		MessageStatus confirmation = course.flatMap(Plan::seriesConfirmation)
			.map(PlannedMessage::status)
			.orElse(MessageStatus.PLANNED);
		if (confirmation != MessageStatus.PLANNED && confirmation != MessageStatus.CANCELLED) {
			return null;
		}
		return (message.step() == Step.CANCELLATION)
				? "the client had not been told of this session yet: the series' confirmation had not gone"
				: "the series' confirmation, not gone yet, shows the new time";
	}

	/**
	 * The sessions a course's confirmation lists: those whose confirmation it heard of in
	 * time, in order, that are not cancelled (or over) since, each with its location and
	 * practitioner as the catalog knows them now.
	 */
	private List<MessageComposer.Session> sessions(Plan course) {
		Series series = course.series();
		if (series == null || !series.isCourse()) {
			return List.of();
		}
		List<MessageComposer.Session> sessions = new ArrayList<>();
		for (String id : series.listedInOrder()) {
			Plan session = this.plans.find(id).orElse(null);
			if (session == null
					|| (session.status() != BookingStatus.CONFIRMED && session.status() != BookingStatus.CHECKED_IN)
					|| session.locationId() == null) {
				continue;
			}
			String locationId = session.locationId();
			LocationSummary location = this.catalog.location(locationId)
				.orElseThrow(() -> new IllegalStateException("location " + locationId + " not known yet"));
			String practitioner = (session.practitionerId() != null)
					? this.catalog.practitioner(session.practitionerId())
						.map(PractitionerSummary::displayName)
						.orElse(null)
					: null;
			sessions
				.add(new MessageComposer.Session(series.sessions().indexOf(id) + 1, session, location, practitioner));
		}
		return sessions;
	}

	/**
	 * Records a claimed message's outcome on the plan as this instance last wrote it.
	 * @return the plan after that, or as it was if another sender took the message over
	 */
	private Plan settle(Plan plan, String messageId, UnaryOperator<PlannedMessage> outcome) {
		Optional<Plan> settled = this.plans.update(plan,
				found -> found.settle(messageId, this.owner, outcome, this.clock.instant()));
		if (settled.isEmpty()) {
			log.warn("Message {} was taken over by another sender before its outcome could be recorded", messageId);
		}
		return settled.orElse(plan);
	}

	private Duration backOff(int attempts) {
		NotificationProperties.Dispatch dispatch = this.properties.dispatch();
		ExponentialBackOff backOff = new ExponentialBackOff(dispatch.firstRetry().toMillis(), 2.0);
		backOff.setMaxInterval(dispatch.maxRetryInterval().toMillis());
		BackOffExecution execution = backOff.start();
		long wait = execution.nextBackOff();
		for (int i = 1; i < attempts; i++) {
			wait = execution.nextBackOff();
		}
		return Duration.ofMillis(wait);
	}

}

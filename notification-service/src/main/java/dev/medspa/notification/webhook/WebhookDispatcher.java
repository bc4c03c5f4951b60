package dev.medspa.notification.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import dev.medspa.notification.mail.EmailSender;
import dev.medspa.notification.webhook.WebhookDelivery.Attempt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what is due. Each queued delivery is claimed under a lease in one compare-and-set
 * write, so two instances never post the same attempt; the outcome is written before the
 * entry leaves the queue, so a sender that dies mid-way leaves the entry to be claimed
 * again once its lease runs out (the receiver may then see the same {@code webhook-id}
 * twice, which is what the id is for). A failed attempt waits the next of the retry
 * delays; when they run out the delivery has failed and can be replayed. An endpoint in
 * order gets the events of one subject one after the other.
 */
@Component
public class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final WebhookStore store;

	private final WebhookTargets targets;

	private final WebhookSender sender;

	private final EmailSender email;

	private final WebhookProperties properties;

	private final Clock clock;

	/** Who holds a lease: this dispatcher. */
	private final String owner = UUID.randomUUID().toString();

	private final ExecutorService senders;

	private final MeterRegistry meters;

	private final Timer latency;

	private final SecretSealer sealer;

	WebhookDispatcher(WebhookStore store, WebhookTargets targets, WebhookSender sender, EmailSender email,
			WebhookProperties properties, Clock clock, MeterRegistry meters, SecretSealer sealer) {
		this.sealer = sealer;
		this.store = store;
		this.targets = targets;
		this.sender = sender;
		this.email = email;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.senders = Executors.newFixedThreadPool(properties.senders(), new CustomizableThreadFactory("webhook-"));
		this.latency = Timer.builder("medspa.webhook.latency")
			.description("From posting a delivery to the receiver's answer")
			.publishPercentileHistogram()
			.register(meters);
		Gauge.builder("medspa.webhook.queue", store, WebhookStore::queued)
			.description("Deliveries waiting for an attempt")
			.register(meters);
	}

	/**
	 * A second dispatcher over the same store, as another instance of the service has.
	 */
	public WebhookDispatcher another() {
		return new WebhookDispatcher(this.store, this.targets, this.sender, this.email, this.properties, this.clock,
				this.meters, this.sealer);
	}

	@Scheduled(fixedDelayString = "${medspa.webhooks.interval:PT1S}")
	void onSchedule() {
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			log.warn("Delivering webhooks failed; trying again at the next round", ex);
		}
	}

	/** Deletes settled deliveries older than the retention period, hourly. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOld() {
		long forgotten = this.store.forgetSettledBefore(this.clock.instant().minus(this.properties.retention()));
		if (forgotten > 0) {
			log.info("Forgot {} settled webhook deliveries past their retention", forgotten);
		}
	}

	/**
	 * Attempts every delivery due now, several at a time.
	 * @return how many deliveries this round settled
	 */
	public int deliverDue() {
		List<Future<Boolean>> attempts = new ArrayList<>();
		for (QueuedDelivery entry : this.store.due(this.clock.instant(), this.properties.batch())) {
			attempts.add(this.senders.submit(() -> attempt(entry)));
		}
		int settled = 0;
		for (Future<Boolean> attempt : attempts) {
			try {
				settled += Boolean.TRUE.equals(attempt.get()) ? 1 : 0;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return settled;
			}
			catch (ExecutionException ex) {
				log.warn("A webhook attempt failed unexpectedly; its lease lets it be tried again", ex.getCause());
			}
		}
		return settled;
	}

	private boolean attempt(QueuedDelivery due) {
		Instant now = this.clock.instant();
		Optional<QueuedDelivery> claimed = this.store.claim(due.id(), now, this.owner, this.properties.lease());
		if (claimed.isEmpty()) {
			return false;
		}
		QueuedDelivery entry = claimed.get();
		WebhookDelivery delivery = this.store.delivery(entry.id()).orElse(null);
		if (delivery == null || delivery.status() != DeliveryStatus.PENDING) {
			this.store.dequeue(entry.id());
			return false;
		}
		WebhookEndpoint endpoint = this.store.endpoint(delivery.endpointId()).orElse(null);
		if (endpoint == null || delivery.body() == null) {
			this.store.drop(delivery, endpoint == null ? "the endpoint was removed" : "the client was erased", now);
			count("dropped");
			return true;
		}
		Optional<Instant> earlier = endpoint.inOrder() ? this.store.earlierQueued(entry) : Optional.empty();
		if (earlier.isPresent()) {
			Instant soonest = now.plusSeconds(1);
			this.store.putBack(entry, this.owner, earlier.get().isAfter(soonest) ? earlier.get() : soonest);
			return false;
		}
		WebhookSender.Answer answer = post(endpoint, delivery, now);
		Instant after = this.clock.instant();
		Attempt attempt = new Attempt(now, answer.status(), answer.latencyMillis(),
				(answer.error() != null) ? answer.error() : answer.succeeded() ? null : "answered " + answer.status());
		if (answer.succeeded()) {
			this.store.settle(delivery, DeliveryStatus.DELIVERED, attempt, after);
			this.store.succeeded(endpoint.id(), after);
			count("delivered");
			return true;
		}
		this.store.failed(endpoint.id(), after, this.properties.flagAfter()).ifPresent(this::tell);
		int tries = delivery.triesSoFar() + 1;
		if (tries > this.properties.retryDelays().size()) {
			this.store.settle(delivery, DeliveryStatus.FAILED, attempt, after);
			count("failed");
			return true;
		}
		this.store.retryLater(delivery, entry, this.owner, attempt,
				after.plus(this.properties.retryDelays().get(tries - 1)));
		count("retry");
		return false;
	}

	private WebhookSender.Answer post(WebhookEndpoint endpoint, WebhookDelivery delivery, Instant now) {
		URI target;
		try {
			target = this.targets.check(endpoint.url());
		}
		catch (WebhookTargets.TargetRefused refused) {
			return new WebhookSender.Answer(null, 0, "not sent: the URL " + refused.getMessage());
		}
		String body = delivery.body();
		long timestamp = now.getEpochSecond();
		Map<String, String> headers = Map.of("webhook-id", delivery.webhookId(), "webhook-timestamp",
				Long.toString(timestamp), "webhook-signature",
				WebhookSigner.signature(endpoint.signingKeys(now).stream().map(this.sealer::open).toList(),
						delivery.webhookId(), timestamp, body));
		WebhookSender.Answer answer = this.sender.post(target, headers, body);
		this.latency.record(answer.latencyMillis(), TimeUnit.MILLISECONDS);
		return answer;
	}

	/** Tells the endpoint's contact that it keeps failing; it stays registered. */
	private void tell(WebhookEndpoint endpoint) {
		log.warn("Webhook endpoint {} ({}) has been failing since {}; flagged", endpoint.id(), endpoint.url(),
				endpoint.failingSince());
		String since = endpoint.failingSince() == null ? "a while" : WHEN.format(endpoint.failingSince());
		String text = """
				Your booking platform could not deliver events to the webhook endpoint "%s" (%s) since %s.

				It stays registered: every event is kept and tried again for about three days. Once the receiver \
				answers again, the next attempts go through by themselves; anything that failed in the meantime \
				can be sent again from the Webhooks page (replay).

				Endpoint id: %s
				""".formatted(endpoint.description(), endpoint.url(), since, endpoint.id());
		String html = "<p>" + text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("\n\n", "</p><p>") + "</p>";
		try {
			this.email.send(new EmailSender.Email(endpoint.contactEmail(), "A webhook endpoint keeps failing", text,
					html, List.of(), null, "webhook-" + endpoint.id() + "-flagged"));
		}
		catch (RuntimeException ex) {
			log.warn("Could not tell {} that webhook endpoint {} is failing; it is flagged on the page",
					endpoint.contactEmail(), endpoint.id(), ex);
		}
	}

	private void count(String outcome) {
		Counter.builder("medspa.webhook.deliveries")
			.description("Webhook attempts by outcome")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	@PreDestroy
	public void stop() throws InterruptedException {
		this.senders.shutdown();
		this.senders.awaitTermination(30, TimeUnit.SECONDS);
	}

}

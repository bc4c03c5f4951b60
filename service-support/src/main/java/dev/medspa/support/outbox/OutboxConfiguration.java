package dev.medspa.support.outbox;

import java.time.Duration;
import java.util.List;

import dev.medspa.support.messaging.TopicNames;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay, for a service that declares at least one {@link OutboxCollection}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"dev.medspa.support.messaging.KafkaMessagingConfiguration" })
public class OutboxConfiguration {

	@Bean
	OutboxMessages outboxMessages(TopicNames topics, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) {
		Tracer current = tracer.getIfAvailable();
		Propagator w3c = propagator.getIfAvailable();
		return (current == null || w3c == null) ? new OutboxMessages(topics)
				: new OutboxMessages(topics, TraceParents.current(current, w3c));
	}

	@Bean
	VersionedWrites versionedWrites(MongoTemplate mongo) {
		return new VersionedWrites(mongo);
	}

	@Bean
	@ConditionalOnBean(OutboxCollection.class)
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka,
			List<OutboxCollection> collections, @Value("${spring.application.name}") String application,
			@Value("${medspa.outbox.sweep-interval:PT2S}") Duration sweepInterval,
			ObjectProvider<ObservationRegistry> observations) {
		return new OutboxRelay(mongo, kafka, collections, "/medspa/" + application, sweepInterval,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	/**
	 * The outbox backlog for operators: documents whose events wait for the broker, and
	 * how long the oldest has waited. Both read only the markers, which follow the
	 * backlog, not the data.
	 */
	@Bean
	@ConditionalOnBean(OutboxRelay.class)
	@ConditionalOnClass(MeterBinder.class)
	MeterBinder outboxMeters(OutboxRelay relay) {
		return registry -> {
			Gauge.builder("medspa.outbox.backlog", relay, OutboxRelay::backlog)
				.description("Documents whose events wait to be published")
				.register(registry);
			TimeGauge
				.builder("medspa.outbox.oldest.age", relay, TimeUnit.SECONDS,
						waiting -> waiting.oldestWaiting().toMillis() / 1000.0)
				.description("How long the longest-waiting marked document has waited")
				.register(registry);
		};
	}

}

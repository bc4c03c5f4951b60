package dev.medspa.support.outbox;

import java.time.Duration;
import java.util.List;

import dev.medspa.support.messaging.TopicNames;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay, for a service that declares at least one {@link OutboxCollection}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"dev.medspa.support.messaging.KafkaMessagingConfiguration" })
public class OutboxConfiguration {

	@Bean
	OutboxMessages outboxMessages(TopicNames topics) {
		return new OutboxMessages(topics);
	}

	@Bean
	VersionedWrites versionedWrites(MongoTemplate mongo) {
		return new VersionedWrites(mongo);
	}

	@Bean
	@ConditionalOnBean(OutboxCollection.class)
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka,
			List<OutboxCollection> collections, @Value("${spring.application.name}") String application,
			@Value("${medspa.outbox.sweep-interval:PT2S}") Duration sweepInterval) {
		return new OutboxRelay(mongo, kafka, collections, "/medspa/" + application, sweepInterval);
	}

}

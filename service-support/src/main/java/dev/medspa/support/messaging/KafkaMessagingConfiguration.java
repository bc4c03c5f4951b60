package dev.medspa.support.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.medspa.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Consumers read payloads by logical event type; a record that cannot be read, or that
 * keeps failing after a bounded back-off, goes to the topic's dead-letter topic with the
 * reason in its headers, and the partition moves on.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties({ KafkaTopicProperties.class, ErrorHandlingProperties.class })
public class KafkaMessagingConfiguration {

	@Bean
	TopicNames topicNames(KafkaTopicProperties properties) {
		return new TopicNames(properties);
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer eventDeserializers() {
		return factory -> {
			@SuppressWarnings("unchecked")
			var typed = (org.springframework.kafka.core.DefaultKafkaConsumerFactory<String, Object>) factory;
			typed.setKeyDeserializer(new StringDeserializer());
			typed.setValueDeserializer(new ErrorHandlingDeserializer<>(
					new JacksonJsonDeserializer<>(EventJson.MAPPER).typeFunction(EventJson::typeOf)));
		};
	}

	@Bean
	CommonErrorHandler deadLetterErrorHandler(ProducerFactory<?, ?> producerFactory, ErrorHandlingProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		Map<Class<?>, Serializer<?>> serializers = new LinkedHashMap<>();
		serializers.put(byte[].class, new ByteArraySerializer());
		serializers.put(String.class, new StringSerializer());
		serializers.put(Object.class, new JacksonJsonSerializer<>(EventJson.MAPPER));
		DefaultKafkaProducerFactory<String, Object> deadLetterProducers = new DefaultKafkaProducerFactory<>(
				producerFactory.getConfigurationProperties(), new StringSerializer(),
				new DelegatingByTypeSerializer(serializers, true));
		KafkaTemplate<String, Object> deadLetters = new KafkaTemplate<>(deadLetterProducers);
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters, (record, ex) -> {
			meters.ifAvailable(registry -> Counter.builder("medspa.dead.letters")
				.description("Records sent to a dead-letter topic, by the topic they came from")
				.tag("topic", record.topic())
				.register(registry)
				.increment());
			return new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1);
		});
		recoverer.setExceptionHeadersCreator(KafkaMessagingConfiguration::maskedExceptionHeaders);
		ExponentialBackOff backOff = new ExponentialBackOff(properties.initialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.maxInterval().toMillis());
		backOff.setMaxAttempts(properties.maxAttempts());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		ExponentialBackOff patient = new ExponentialBackOff(properties.initialInterval().toMillis(), 2.0);
		patient.setMaxInterval(properties.maxInterval().toMillis());
		patient.setMaxElapsedTime(properties.awaitingDataFor().toMillis());
		handler.setBackOffFunction((record, ex) -> awaitsData(ex) ? patient : null);
		return handler;
	}

	/**
	 * The reason headers of a dead letter, as Spring Kafka writes them, with e-mail
	 * addresses and phone numbers masked: a failure's message may quote the record.
	 */
	static void maskedExceptionHeaders(org.apache.kafka.common.header.Headers headers, Exception failure, boolean isKey,
			DeadLetterPublishingRecoverer.HeaderNames names) {
		DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
		Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
		java.io.StringWriter trace = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(trace));
		add(headers, isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), failure.getClass().getName());
		if (!isKey) {
			add(headers, info.getExceptionCauseFqcn(), cause.getClass().getName());
		}
		add(headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(),
				dev.medspa.support.privacy.Pii.mask(String.valueOf(cause.getMessage())));
		add(headers, isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(),
				dev.medspa.support.privacy.Pii.mask(trace.toString()));
	}

	private static void add(org.apache.kafka.common.header.Headers headers, String name, String value) {
		headers.add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static boolean awaitsData(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AwaitedDataMissing) {
				return true;
			}
		}
		return false;
	}

}

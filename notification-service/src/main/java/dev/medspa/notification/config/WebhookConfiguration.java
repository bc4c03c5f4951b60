package dev.medspa.notification.config;

import java.util.List;

import dev.medspa.notification.webhook.SecretSealer;
import dev.medspa.notification.webhook.WebhookProperties;
import dev.medspa.notification.webhook.WebhookTargets;
import dev.medspa.support.security.OwnerRoutes;
import dev.medspa.support.security.PublicRoutes;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	/** Signing secrets are sealed at rest under keys derived from the installation's. */
	@Bean
	SecretSealer webhookSecretSealer(@Value("${medspa.notification.manage-link-keys:}") List<String> keys) {
		return new SecretSealer(keys);
	}

	@Bean
	WebhookTargets webhookTargets(WebhookProperties properties) {
		return new WebhookTargets(properties.allowedHosts());
	}

	/** Connecting other systems to the chain's events is the owners' decision. */
	@Bean
	OwnerRoutes webhookRoutes() {
		return OwnerRoutes.of(PublicRoutes.get("/api/staff/webhooks/**"), PublicRoutes.post("/api/staff/webhooks"),
				PublicRoutes.post("/api/staff/webhooks/**"), PublicRoutes.put("/api/staff/webhooks/**"),
				new PublicRoutes.Route(HttpMethod.DELETE, "/api/staff/webhooks/**"));
	}

	/**
	 * The webhooks' consumers read events as the text that was published, so the payload
	 * goes out as it came, and a record nobody can read is dead-lettered once, by the
	 * consumer of the client's messages, not a second time here. A record that cannot be
	 * stored (the store is away) is tried again, ever more slowly, never dropped.
	 */
	@Bean
	@SuppressWarnings({ "unchecked", "rawtypes" })
	ConcurrentKafkaListenerContainerFactory<Object, Object> webhookEventsListenerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumers) {
		ConsumerFactory<Object, Object> asText = (ConsumerFactory) new DefaultKafkaConsumerFactory<>(
				consumers.getConfigurationProperties(), new StringDeserializer(), new StringDeserializer());
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, asText);
		ExponentialBackOff patient = new ExponentialBackOff(1_000, 2.0);
		patient.setMaxInterval(60_000);
		factory.setCommonErrorHandler(new DefaultErrorHandler(patient));
		return factory;
	}

}

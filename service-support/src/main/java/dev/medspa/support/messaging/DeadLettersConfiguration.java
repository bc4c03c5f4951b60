package dev.medspa.support.messaging;

import dev.medspa.support.security.OwnerRoutes;
import dev.medspa.support.security.PublicRoutes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/** The dead-letter API, in a service that consumes topics. */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnBean({ ConsumerFactory.class, ProducerFactory.class })
@ConditionalOnWebApplication
@Import(DeadLettersApi.class)
public class DeadLettersConfiguration {

	@Bean
	DeadLetters deadLetters(ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers,
			KafkaListenerEndpointRegistry listeners) {
		return new DeadLetters(consumers.getConfigurationProperties(), producers.getConfigurationProperties(),
				listeners);
	}

	@Bean
	OwnerRoutes deadLetterRoutes(@Value("${spring.application.name}") String application) {
		String base = "/api/staff/dead-letters/" + application;
		return OwnerRoutes.of(PublicRoutes.get(base), PublicRoutes.post(base + "/**"));
	}

}

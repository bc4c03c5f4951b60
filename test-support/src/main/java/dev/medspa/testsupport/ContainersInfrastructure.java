package dev.medspa.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * Real Apache Kafka and a MongoDB replica set in containers, for a host with a Docker
 * daemon. Import it in a test class annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}: the connection details replace
 * those of {@link LocalInfrastructure}, and without Docker the class is skipped.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContainersInfrastructure {

	@Bean
	@ServiceConnection
	KafkaContainer kafkaContainer() {
		return new KafkaContainer(DockerImageName.parse("apache/kafka:4.2.1"));
	}

	@Bean
	@ServiceConnection
	MongoDBContainer mongoContainer() {
		return new MongoDBContainer(DockerImageName.parse("mongo:8.0")).withReplicaSet();
	}

}

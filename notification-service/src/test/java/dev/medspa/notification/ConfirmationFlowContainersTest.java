package dev.medspa.notification;

import dev.medspa.testsupport.ContainersInfrastructure;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.context.annotation.Import;

/**
 * The same tests as {@link ConfirmationFlowTest}, on real Kafka and a MongoDB replica set
 * in containers. Skipped where no Docker daemon runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@Import(ContainersInfrastructure.class)
class ConfirmationFlowContainersTest extends ConfirmationFlowTest {

}

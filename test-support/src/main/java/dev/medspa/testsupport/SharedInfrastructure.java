package dev.medspa.testsupport;

import dev.medspa.infrastructure.KafkaBroker;
import dev.medspa.infrastructure.MailServer;
import dev.medspa.infrastructure.MongoWireServer;

/**
 * One Kafka broker, one MongoDB-wire store and one SMTP server per JVM, started on first
 * use on free ports and stopped when the JVM exits. Test classes share them and keep
 * apart by names (see {@link LocalInfrastructure}).
 */
public final class SharedInfrastructure {

	private static volatile SharedInfrastructure instance;

	private final KafkaBroker kafka;

	private final MongoWireServer mongo;

	private final MailServer mail;

	private SharedInfrastructure() {
		this.mongo = MongoWireServer.inMemory();
		this.mail = MailServer.start(0, 0);
		this.kafka = KafkaBroker.startTemporary();
	}

	public static SharedInfrastructure get() {
		SharedInfrastructure current = instance;
		if (current == null) {
			synchronized (SharedInfrastructure.class) {
				current = instance;
				if (current == null) {
					current = new SharedInfrastructure();
					Runtime.getRuntime().addShutdownHook(new Thread(current::stop, "test-infrastructure-stop"));
					instance = current;
				}
			}
		}
		return current;
	}

	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	public String mongoConnectionString() {
		return this.mongo.connectionString();
	}

	public MailServer mail() {
		return this.mail;
	}

	private void stop() {
		this.kafka.close();
		this.mongo.close();
		this.mail.close();
	}

}

package dev.medspa.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.mail.Session;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The pipeline floor, measured while the pipeline runs: one record produced to the same
 * broker and consumed back, and one mail sent to the same SMTP server until it is
 * accepted. A confirmation cannot travel faster than the two together.
 */
final class PipelineFloor implements AutoCloseable {

	private static final String TOPIC = "benchmark.floor";

	private final KafkaProducer<String, String> producer;

	private final KafkaConsumer<String, String> consumer;

	private final Session smtp;

	private final MailReceipts receipts;

	private final Clients clients;

	private final ClosedLoop.LongList kafka = new ClosedLoop.LongList();

	private final ClosedLoop.LongList mail = new ClosedLoop.LongList();

	PipelineFloor(String bootstrapServers, int smtpPort, MailReceipts receipts, Clients clients) {
		this.receipts = receipts;
		this.clients = clients;
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot create the floor topic", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer());
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
				new StringDeserializer(), new StringDeserializer());
		TopicPartition partition = new TopicPartition(TOPIC, 0);
		this.consumer.assign(List.of(partition));
		this.consumer.seekToEnd(List.of(partition));
		this.consumer.position(partition);
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(smtpPort));
		this.smtp = Session.getInstance(properties);
	}

	/** Takes one sample of each. */
	void sample() {
		this.kafka.add(kafkaRoundTrip());
		this.mail.add(smtpSend());
	}

	Latencies kafka() {
		return new Latencies(this.kafka.toArray());
	}

	Latencies mail() {
		return new Latencies(this.mail.toArray());
	}

	private long kafkaRoundTrip() {
		String key = String.valueOf(System.nanoTime());
		long sent = System.nanoTime();
		try {
			this.producer.send(new ProducerRecord<>(TOPIC, 0, key, key)).get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The floor record was not produced", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		long deadline = sent + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(100))) {
				if (record.key().equals(key)) {
					return System.nanoTime() - sent;
				}
			}
		}
		throw new IllegalStateException("The floor record did not come back within 30 s");
	}

	private long smtpSend() {
		String address = this.clients.nextEmail();
		this.clients.expectMail();
		long sent = System.nanoTime();
		FloorMail.send(this.smtp, address, "Floor", "The time one mail takes to be accepted.");
		return this.receipts.receivedAt(address).orElseThrow() - sent;
	}

	@Override
	public void close() {
		this.producer.close();
		this.consumer.close();
	}

}

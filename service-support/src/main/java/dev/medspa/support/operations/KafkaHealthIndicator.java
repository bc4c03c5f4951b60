package dev.medspa.support.operations;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the broker answers: the cluster described within two seconds by one admin
 * client kept for the service's life. Part of readiness only; a broker outage must not
 * make the platform restart every instance (the outbox keeps what could not be sent).
 */
public final class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final int TIMEOUT_MS = 2_000;

	private final Admin admin;

	public KafkaHealthIndicator(Map<String, Object> adminConfiguration) {
		super("Kafka cluster not reachable");
		Map<String, Object> configuration = new java.util.HashMap<>(adminConfiguration);
		configuration.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
		configuration.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
		configuration.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
		this.admin = Admin.create(configuration);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
		String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
		int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
	}

	@Override
	public void destroy() {
		this.admin.close(java.time.Duration.ofSeconds(2));
	}

}

package dev.medspa.gateway.routes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services' instances, as configured, for Spring Cloud LoadBalancer: the API routes
 * and the pages' calls go round robin over the instances whose liveness answers (checked
 * every few seconds), so one instance may die or restart while the others serve.
 * Liveness, not readiness: booking-service takes bookings while the broker is away (its
 * outbox keeps the events), and the gateway should not turn clients away then.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
public class ServiceInstances {

	public static final String CATALOG = "catalog-service";

	public static final String BOOKING = "booking-service";

	public static final String NOTIFICATION = "notification-service";

	public static final String INTAKE = "intake-service";

	@Bean
	DiscoveryClient configuredServices(ServiceUrls urls) {
		return new Configured(Map.of(CATALOG, urls.catalog(), BOOKING, urls.booking(), NOTIFICATION,
				urls.notification(), INTAKE, urls.intake()));
	}

	/** The instances the configuration names. */
	private record Configured(Map<String, List<URI>> urls) implements DiscoveryClient {

		@Override
		public String description() {
			return "the service URLs in medspa.gateway";
		}

		@Override
		public List<ServiceInstance> getInstances(String serviceId) {
			List<ServiceInstance> instances = new ArrayList<>();
			List<URI> configured = this.urls.getOrDefault(serviceId, List.of());
			for (int i = 0; i < configured.size(); i++) {
				URI url = configured.get(i);
				instances.add(new DefaultServiceInstance(serviceId + "-" + i, serviceId, url.getHost(),
						url.getPort() == -1 ? ("https".equals(url.getScheme()) ? 443 : 80) : url.getPort(),
						"https".equals(url.getScheme())));
			}
			return instances;
		}

		@Override
		public List<String> getServices() {
			return List.copyOf(this.urls.keySet());
		}

	}

}

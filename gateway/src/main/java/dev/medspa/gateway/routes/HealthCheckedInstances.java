package dev.medspa.gateway.routes;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Each service's instances, those whose liveness answered last time: the configuration
 * Spring Cloud LoadBalancer applies in its context for each service. It is not a
 * component, so the gateway's own context does not pick it up.
 */
class HealthCheckedInstances {

	@Bean
	ServiceInstanceListSupplier liveInstances(ConfigurableApplicationContext context) {
		return ServiceInstanceListSupplier.builder()
			.withBlockingDiscoveryClient()
			.withBlockingHealthChecks(RestClient.create())
			.build(context);
	}

}

package dev.medspa.notification.config;

import dev.medspa.notification.webhook.WebhookProperties;
import dev.medspa.notification.webhook.WebhookTargets;
import dev.medspa.support.security.OwnerRoutes;
import dev.medspa.support.security.PublicRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	WebhookTargets webhookTargets(WebhookProperties properties) {
		return new WebhookTargets(properties.allowedHosts());
	}

	/** Connecting other systems to the chain's events is the owners' decision. */
	@Bean
	OwnerRoutes webhookRoutes() {
		return OwnerRoutes.of(PublicRoutes.get("/api/staff/webhooks/**"), PublicRoutes.post("/api/staff/webhooks"),
				PublicRoutes.post("/api/staff/webhooks/**"), PublicRoutes.put("/api/staff/webhooks/**"),
				new PublicRoutes.Route(org.springframework.http.HttpMethod.DELETE, "/api/staff/webhooks/**"));
	}

}

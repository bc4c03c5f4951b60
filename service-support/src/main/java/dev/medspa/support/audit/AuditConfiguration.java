package dev.medspa.support.audit;

import java.time.Clock;

import dev.medspa.support.audit.web.AuditController;
import dev.medspa.support.audit.web.AuditInterceptor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service keeps its audit log in its own database; the services also record their
 * staff requests and answer owners' reads (the gateway, which fans reads out to them,
 * turns that part off with {@code medspa.audit.service-api=false}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class AuditConfiguration {

	@Bean
	@ConditionalOnBean(MongoTemplate.class)
	AuditTrail auditTrail(MongoTemplate mongo, @Value("${spring.application.name:service}") String service) {
		return new AuditTrail(mongo, service);
	}

	// nested configurations are read before the outer one's beans: the condition names
	// what the trail itself needs
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(MongoTemplate.class)
	@ConditionalOnProperty(name = "medspa.audit.service-api", havingValue = "true", matchIfMissing = true)
	static class ServiceApi implements WebMvcConfigurer {

		private final AuditTrail trail;

		private final Clock clock;

		ServiceApi(AuditTrail trail, Clock clock) {
			this.trail = trail;
			this.clock = clock;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new AuditInterceptor(this.trail, this.clock)).addPathPatterns("/api/staff/**");
		}

		@Bean
		AuditController auditController() {
			return new AuditController(this.trail);
		}

	}

}

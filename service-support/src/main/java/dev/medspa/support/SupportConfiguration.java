package dev.medspa.support;

import java.time.Clock;

import dev.medspa.support.limits.Limits;
import dev.medspa.support.once.OnceTasks;
import dev.medspa.support.readmodel.VersionedDocuments;
import dev.medspa.support.security.RouteAccess;
import dev.medspa.support.web.BodySizeLimit;
import dev.medspa.support.web.ProblemDetailsHandler;
import dev.medspa.support.web.ProblemResponsesCustomizer;
import dev.medspa.support.web.RouteSecurityCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The clock, problem details for every controller, and the versioned read-model writer.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
		beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@Import(ProblemDetailsHandler.class)
public class SupportConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(org.springframework.core.env.Environment environment) {
		String offsetFile = environment.getProperty("medspa.testing.clock-offset-file");
		if (offsetFile != null && !offsetFile.isBlank()) {
			org.slf4j.LoggerFactory.getLogger(SupportConfiguration.class)
				.warn("The clock is shifted by the offset in {}: for end-to-end tests only", offsetFile);
			return new ShiftableClock(java.nio.file.Path.of(offsetFile), java.time.ZoneOffset.UTC);
		}
		return Clock.systemUTC();
	}

	/**
	 * Replaces Boot's MongoDB health indicator, whose {@code hello} command the local
	 * stand-in does not know.
	 */
	@Bean(name = "mongoHealthIndicator")
	HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

	/**
	 * Problem responses in the API documents, 401 and 403 where the service's security
	 * chain asks for a token (the shared rules alone where the application brings a chain
	 * of its own).
	 */
	@Bean
	ProblemResponsesCustomizer problemResponsesCustomizer(ObjectProvider<RouteAccess> routeAccess) {
		return new ProblemResponsesCustomizer(routeAccess.getIfAvailable(RouteAccess::standard));
	}

	/**
	 * Each operation's security and roles in the API documents, from the rules the
	 * service's security chain enforces; nothing where the application brings a chain of
	 * its own, which these rules do not describe.
	 */
	@Bean
	OpenApiCustomizer routeSecurityCustomizer(ObjectProvider<RouteAccess> routeAccess) {
		RouteAccess access = routeAccess.getIfAvailable();
		return (access != null) ? new RouteSecurityCustomizer(access) : openApi -> {
		};
	}

	/**
	 * Request bodies over {@code medspa.web.max-body-size} (default 64 KB; the largest
	 * valid request is a few KB) are refused with 413 before they are read.
	 */
	@Bean
	FilterRegistrationBean<BodySizeLimit> bodySizeLimit(
			@Value("${medspa.web.max-body-size:64KB}") DataSize maxBodySize) {
		FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
				new BodySizeLimit(maxBodySize.toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	Limits limits(MongoTemplate mongo, Clock clock) {
		return new Limits(mongo, clock);
	}

	@Bean
	OnceTasks onceTasks(MongoTemplate mongo, Clock clock) {
		return new OnceTasks(mongo, clock);
	}

	@Bean
	VersionedDocuments versionedDocuments(MongoTemplate mongo) {
		return new VersionedDocuments(mongo);
	}

}

package dev.medspa.support;

import java.time.Clock;

import dev.medspa.support.limits.Limits;
import dev.medspa.support.once.OnceTasks;
import dev.medspa.support.readmodel.VersionedDocuments;
import dev.medspa.support.web.BodySizeLimit;
import dev.medspa.support.web.ProblemDetailsHandler;
import dev.medspa.support.web.ProblemResponsesCustomizer;

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

	@Bean
	ProblemResponsesCustomizer problemResponsesCustomizer() {
		return new ProblemResponsesCustomizer();
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

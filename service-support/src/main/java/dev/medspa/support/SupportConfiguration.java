package dev.medspa.support;

import java.time.Clock;

import dev.medspa.support.readmodel.VersionedDocuments;
import dev.medspa.support.web.ProblemDetailsHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The clock, problem details for every controller, and the versioned read-model writer.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@Import(ProblemDetailsHandler.class)
public class SupportConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	VersionedDocuments versionedDocuments(MongoTemplate mongo) {
		return new VersionedDocuments(mongo);
	}

}

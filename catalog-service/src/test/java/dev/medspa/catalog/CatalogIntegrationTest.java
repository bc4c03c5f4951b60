package dev.medspa.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.LocalInfrastructure;
import dev.medspa.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "medspa.catalog.demo-data=true")
@AutoConfigureMockMvc
@LocalInfrastructure
class CatalogIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TopicNames topics;

	@Autowired
	ApplicationRunner demoCatalogLoader;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void servesTheDemoCatalog() throws Exception {
		this.mvc.perform(get("/api/treatments"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(5))
			.andExpect(jsonPath("$.page.totalElements").value(5))
			.andExpect(jsonPath("$.content[?(@.id == 'microneedling')].preparation").value("PT30M"))
			.andExpect(jsonPath("$.content[?(@.id == 'microneedling')].aftercare.length()").value(4));
		this.mvc.perform(get("/api/treatments/microneedling-consultation"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Micro-needling consultation"));
		this.mvc.perform(get("/api/locations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].zoneId").value(org.hamcrest.Matchers
				.containsInAnyOrder("America/Los_Angeles", "America/Los_Angeles", "America/Phoenix")));
	}

	@Test
	void unknownSlugIsAProblemDetail() throws Exception {
		this.mvc.perform(get("/api/treatments/botox-party"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("No treatment has the slug botox-party"));
	}

	@Test
	void publishesEachEntityExactlyOnceEvenWhenSeedingRunsAgain() throws Exception {
		this.demoCatalogLoader.run(new DefaultApplicationArguments());

		List<ConsumerRecord<String, String>> treatments = readAll(this.topics.treatments(), 5);
		assertThat(treatments).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder("microneedling-consultation", "microneedling", "microneedling-prp",
					"hydrating-facial", "light-chemical-peel");
		assertThat(treatments).allSatisfy(record -> {
			assertThat(header(record, EventHeaders.TYPE)).isEqualTo(EventContracts.TREATMENT_STATE.type());
			assertThat(header(record, EventHeaders.SOURCE)).isEqualTo("/medspa/catalog-service");
			assertThat(header(record, EventHeaders.ID)).isNotBlank();
		});
		assertThat(readAll(this.topics.locations(), 3)).hasSize(3);
		assertThat(readAll(this.topics.practitioners(), 5)).hasSize(5);
	}

	/**
	 * Reads the topic until it holds the expected count, then for a while longer to catch
	 * any extra record.
	 */
	private List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
		List<ConsumerRecord<String, String>> records = TopicReader.readSettled(this.bootstrapServers, topic,
				record -> true, expected, Duration.ofSeconds(3));
		assertThat(records).hasSize(expected);
		return records;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}

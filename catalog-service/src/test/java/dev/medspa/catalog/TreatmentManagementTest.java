package dev.medspa.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.SharedLocalInfrastructure;
import dev.medspa.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A manager keeps the treatments through the staff API; every change is one event. */
@SpringBootTest(properties = "medspa.catalog.demo-data=true")
@AutoConfigureMockMvc
@SharedLocalInfrastructure
class TreatmentManagementTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TopicNames topics;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void aManagerCreatesRevisesAndRetiresATreatmentWithVersionsAsETags() throws Exception {
		create(treatment("lash-lift")).andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(header().string("Location", "/api/staff/treatments/lash-lift"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.aftercare[0].key").value("guide"));
		this.mvc
			.perform(get("/api/staff/treatments/lash-lift")
				.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_MANAGER"))))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""));

		ObjectNode renamed = treatment("lash-lift").put("name", "Lash lift and tint");
		renamed.putArray("deviceTypes").add("lash-lamp");
		update("lash-lift", "\"1\"", renamed).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.name").value("Lash lift and tint"))
			.andExpect(jsonPath("$.deviceTypes[0]").value("lash-lamp"));
		update("lash-lift", "\"1\"", treatment("lash-lift")).andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/stale-version"));
		update("lash-lift", null, treatment("lash-lift")).andExpect(status().isPreconditionRequired())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/version-required"));

		this.mvc
			.perform(post("/api/staff/treatments/lash-lift/retire")
				.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_MANAGER")))
				.header("If-Match", "\"2\""))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"3\""))
			.andExpect(jsonPath("$.active").value(false));
		this.mvc.perform(get("/api/treatments?size=100"))
			.andExpect(jsonPath("$.content[*].id", not(hasItem("lash-lift"))));
		this.mvc.perform(get("/api/treatments/lash-lift"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false))
			.andExpect(jsonPath("$.name").value("Lash lift and tint"));

		assertThat(publishedVersions("lash-lift", 3)).containsExactly(1L, 2L, 3L);
	}

	@Test
	void ofManagersEditingTheSameVersionAtOnceExactlyOneWins() throws Exception {
		create(treatment("brow-shaping")).andExpect(status().isCreated());
		int managers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(managers);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < managers; i++) {
				ObjectNode edit = treatment("brow-shaping").put("name", "Brow shaping by manager " + i);
				Callable<Integer> call = () -> {
					start.await();
					return update("brow-shaping", "\"1\"", edit).andReturn().getResponse().getStatus();
				};
				statuses.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> results = new ArrayList<>();
			for (Future<Integer> result : statuses) {
				results.add(result.get());
			}
			assertThat(results).containsOnly(200, 412);
			assertThat(results).filteredOn(code -> code == 200).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(publishedVersions("brow-shaping", 2)).containsExactly(1L, 2L);
	}

	@Test
	void filtersByCategoryAndLocationAndPages() throws Exception {
		this.mvc.perform(get("/api/treatments?category=skin-rejuvenation"))
			.andExpect(jsonPath("$.content[*].id",
					org.hamcrest.Matchers.containsInAnyOrder("microneedling", "microneedling-prp")));
		this.mvc.perform(get("/api/treatments?location=scottsdale"))
			.andExpect(jsonPath("$.content[*].id", not(hasItem("microneedling-prp"))));
		this.mvc.perform(get("/api/treatments?size=2&page=1"))
			.andExpect(jsonPath("$.content.length()").value(2))
			.andExpect(jsonPath("$.page.number").value(1))
			.andExpect(jsonPath("$.page.size").value(2));
		this.mvc.perform(get("/api/treatments?location=atlantis"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("location"));
	}

	@Test
	void aSlugInUseIsAConflict() throws Exception {
		create(treatment("dermaplaning")).andExpect(status().isCreated());
		create(treatment("dermaplaning")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("slug"));
	}

	static Stream<Arguments> invalidTreatments() {
		return Stream.of(invalid("slug", t -> t.remove("slug")), invalid("slug", t -> t.put("slug", "Lash Lift")),
				invalid("name", t -> t.put("name", " ")), invalid("duration", t -> t.put("duration", "PT9H")),
				invalid("duration", t -> t.put("duration", "an hour")),
				invalid("preparation", t -> t.remove("preparation")), invalid("price", t -> t.put("price", -1)),
				invalid("price", t -> t.put("price", 12.345)), invalid("currency", t -> t.put("currency", "usd")),
				invalid("roomType", t -> t.remove("roomType")), invalid("colour", t -> t.put("colour", "pink")),
				invalid("aftercare[0].offset", t -> step(t).put("offset", "-PT1H")),
				invalid("aftercare[0].message", t -> step(t).put("message", "")),
				invalid("deviceTypes[0]", t -> t.putArray("deviceTypes").add("Lash Lamp")),
				invalid("aftercare", t -> ((ArrayNode) t.get("aftercare")).add(step(t).deepCopy())),
				invalid("series.sessions",
						t -> t.putObject("series")
							.put("sessions", 0)
							.put("minimumSpacing", "P4W")
							.put("recommendedSpacing", "P6W")),
				invalid("series.recommendedSpacing",
						t -> t.putObject("series")
							.put("sessions", 3)
							.put("minimumSpacing", "P6W")
							.put("recommendedSpacing", "P4W")),
				invalid("consultation.validFor",
						t -> t.putObject("consultation")
							.put("consultationTreatment", "microneedling-consultation")
							.put("validFor", "P0D")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidTreatments")
	void eachInvalidFieldIsNamed(String field, Consumer<ObjectNode> breakIt) throws Exception {
		ObjectNode body = treatment("invalid-one");
		breakIt.accept(body);
		create(body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/invalid-request"))
			.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
		this.mvc
			.perform(get("/api/staff/treatments/invalid-one")
				.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_MANAGER"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aConsultationThatDoesNotExistIs422() throws Exception {
		ObjectNode body = treatment("needs-a-ghost");
		body.putObject("consultation").put("consultationTreatment", "ghost").put("validFor", "P6M");
		create(body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("consultation.consultationTreatment"));
	}

	@Test
	void theApiDocumentationDescribesStaffEndpointsAndTheirErrors() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/staff/treatments/{id}'].put.responses['412']").exists())
			.andExpect(jsonPath("$.paths['/api/staff/treatments/{id}'].put.responses['428']").exists())
			.andExpect(jsonPath("$.paths['/api/treatments'].get.responses['400']").exists())
			.andExpect(jsonPath("$.components.schemas.Problem.properties.errors").exists());
	}

	private ResultActions create(ObjectNode body) throws Exception {
		return this.mvc
			.perform(post("/api/staff/treatments").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_MANAGER")))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.toString()));
	}

	private ResultActions update(String id, String ifMatch, ObjectNode body) throws Exception {
		var request = put("/api/staff/treatments/" + id)
			.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_MANAGER")))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.toString());
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.mvc.perform(request);
	}

	static ObjectNode treatment(String slug) {
		ObjectNode body = EventJson.MAPPER.createObjectNode()
			.put("slug", slug)
			.put("name", "Lash lift")
			.put("category", "lashes")
			.put("description", "Lifts and curls natural lashes")
			.put("duration", "PT45M")
			.put("preparation", "PT5M")
			.put("cleanup", "PT10M")
			.put("price", 95.00)
			.put("currency", "USD")
			.put("roomType", "treatment-room")
			.put("qualification", "lashes")
			.put("preCare", "Come without eye makeup.");
		body.putArray("aftercare")
			.addObject()
			.put("key", "guide")
			.put("offset", "PT0S")
			.put("message", "Keep lashes dry for 24 hours.");
		return body;
	}

	private static ObjectNode step(ObjectNode treatment) {
		return (ObjectNode) treatment.get("aftercare").get(0);
	}

	private static Arguments invalid(String field, Consumer<ObjectNode> breakIt) {
		return Arguments.of(field, breakIt);
	}

	/** The versions published for one treatment, read until they stop coming. */
	private List<Long> publishedVersions(String id, int expected) {
		List<Long> versions = TopicReader
			.readSettled(this.bootstrapServers, this.topics.treatments(), record -> record.key().equals(id), expected,
					Duration.ofSeconds(3))
			.stream()
			.map(record -> EventJson.MAPPER.readValue(record.value(), TreatmentState.class).version())
			.toList();
		assertThat(versions).hasSize(expected);
		return versions;
	}

}

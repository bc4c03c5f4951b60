package dev.medspa.catalog;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.medspa.support.messaging.EventJson;
import dev.medspa.testsupport.SharedLocalInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A manager's day: a new location with rooms and hours, and a practitioner who works
 * there.
 */
@SpringBootTest(properties = "medspa.catalog.demo-data=true")
@AutoConfigureMockMvc
@SharedLocalInfrastructure
class LocationAndPractitionerManagementTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aManagerOpensALocationAndStaffsIt() throws Exception {
		send(post("/api/staff/locations"), location("oakland")).andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.zoneId").value("America/Los_Angeles"))
			.andExpect(jsonPath("$.openingHours.length()").value(2))
			.andExpect(jsonPath("$.rooms[0].active").value(true))
			.andExpect(jsonPath("$.devices[0].type").value("microneedling-pen"))
			.andExpect(jsonPath("$.devices[0].active").value(true));
		this.mvc.perform(get("/api/locations/oakland")).andExpect(status().isOk());

		String practitioner = send(post("/api/staff/practitioners"), practitioner("Lena Park", "oakland"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(get("/api/practitioners?treatment=microneedling&location=oakland"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].displayName", containsInAnyOrder("Lena Park")))
			.andExpect(jsonPath("$.content[0].role").doesNotExist())
			.andExpect(jsonPath("$.content[0].qualifications").doesNotExist());
		this.mvc.perform(get("/api/practitioners?treatment=light-chemical-peel&location=oakland"))
			.andExpect(jsonPath("$.content.length()").value(0));

		this.mvc.perform(post(practitioner + "/retire").with(managerOf("oakland")).header("If-Match", "\"1\""))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/practitioners?location=oakland")).andExpect(jsonPath("$.content.length()").value(0));

		ObjectNode renamed = location("oakland").put("name", "Oakland Rockridge");
		send(put("/api/staff/locations/oakland").header("If-Match", "\"1\""), renamed, managerOf("oakland"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""));
		this.mvc.perform(post("/api/staff/locations/oakland/retire").with(owner()).header("If-Match", "\"2\""))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/locations/oakland")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/locations"))
			.andExpect(
					jsonPath("$.content[*].id").value(containsInAnyOrder("walnut-creek", "san-ramon", "scottsdale")));
	}

	@Test
	void aManagerKeepsOnlyTheirLocationsAndTheirPractitionersAndOnlyOwnersOpenOrCloseLocations() throws Exception {
		send(post("/api/staff/locations"), location("hayward"), managerOf("walnut-creek"))
			.andExpect(status().isForbidden());
		send(post("/api/staff/locations"), location("hayward"), owner()).andExpect(status().isCreated());
		send(put("/api/staff/locations/hayward").header("If-Match", "\"1\""), location("hayward"),
				managerOf("walnut-creek"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://medspa.dev/problems/forbidden"));
		send(put("/api/staff/locations/hayward").header("If-Match", "\"1\""), location("hayward"), managerOf("hayward"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/staff/locations/hayward/retire").with(managerOf("hayward")).header("If-Match", "\"2\""))
			.andExpect(status().isForbidden());
		send(post("/api/staff/practitioners"), practitioner("Ines Vega", "hayward"), managerOf("walnut-creek"))
			.andExpect(status().isForbidden());
		String ines = send(post("/api/staff/practitioners"), practitioner("Ines Vega", "hayward"), managerOf("hayward"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		send(put(ines).header("If-Match", "\"1\""), practitioner("Ines Vega", "walnut-creek"), managerOf("hayward"))
			.andExpect(status().isForbidden());
		send(put(ines).header("If-Match", "\"1\""), practitioner("Ines Vega", "hayward"), frontDeskAt("hayward"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/staff/locations/hayward/retire").with(owner()).header("If-Match", "\"2\""))
			.andExpect(status().isOk());
	}

	private static JwtRequestPostProcessor owner() {
		return jwt().jwt(token -> token.claim("roles", List.of("OWNER")))
			.authorities(new SimpleGrantedAuthority("ROLE_OWNER"));
	}

	private static JwtRequestPostProcessor managerOf(String location) {
		return jwt().jwt(token -> token.claim("roles", List.of("MANAGER")).claim("locations", List.of(location)))
			.authorities(new SimpleGrantedAuthority("ROLE_MANAGER"));
	}

	private static JwtRequestPostProcessor frontDeskAt(String location) {
		return jwt().jwt(token -> token.claim("roles", List.of("FRONT_DESK")).claim("locations", List.of(location)))
			.authorities(new SimpleGrantedAuthority("ROLE_FRONT_DESK"));
	}

	static Stream<Arguments> invalidLocations() {
		return Stream.of(Arguments.of("zoneId", change(l -> l.put("zoneId", "Mars/Olympus_Mons"))),
				Arguments.of("zoneId", change(l -> l.put("zoneId", "-08:00"))),
				Arguments.of("address.country", change(l -> ((ObjectNode) l.get("address")).put("country", "USA"))),
				Arguments.of("phone", change(l -> l.put("phone", "call us"))),
				Arguments.of("rooms", change(l -> l.putArray("rooms"))),
				Arguments.of("rooms", change(l -> ((ArrayNode) l.get("rooms")).add(l.get("rooms").get(0).deepCopy()))),
				Arguments.of("rooms[0].type", change(l -> ((ObjectNode) l.get("rooms").get(0)).remove("type"))),
				Arguments.of("openingHours",
						change(l -> ((ObjectNode) l.get("openingHours").get(0)).put("closes", "08:00"))),
				Arguments.of("openingHours",
						change(l -> ((ObjectNode) l.get("openingHours").get(1)).put("opens", "12:00"))),
				Arguments.of("openingHours[0].day",
						change(l -> ((ObjectNode) l.get("openingHours").get(0)).put("day", "FUNDAY"))),
				Arguments.of("devices[0].id",
						change(l -> ((ObjectNode) l.get("devices").get(0)).put("id",
								l.get("rooms").get(0).get("id").asString()))),
				Arguments.of("devices[0].type",
						change(l -> ((ObjectNode) l.get("devices").get(0)).put("type", "Pen!"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidLocations")
	void eachInvalidLocationFieldIsNamed(String field, Consumer<ObjectNode> breakIt) throws Exception {
		ObjectNode body = location("invalid-location");
		breakIt.accept(body);
		send(post("/api/staff/locations"), body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem(field)));
	}

	@Test
	void referencesToUnknownEntriesAre422() throws Exception {
		ObjectNode location = location("nowhere");
		((ArrayNode) location.get("treatments")).add("botox-party");
		send(post("/api/staff/locations"), location).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("treatments[1]"));
		send(post("/api/staff/practitioners"), practitioner("Ghost", "atlantis"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("locations[0]"));
		send(post("/api/staff/practitioners"), practitioner("", "walnut-creek")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("displayName"));
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			ObjectNode body) throws Exception {
		return send(request, body, owner());
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			ObjectNode body, JwtRequestPostProcessor caller) throws Exception {
		return this.mvc.perform(request.with(caller).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
	}

	private static ObjectNode location(String slug) {
		ObjectNode body = EventJson.MAPPER.createObjectNode()
			.put("slug", slug)
			.put("name", "Oakland")
			.put("phone", "+1 510 555 0133")
			.put("zoneId", "America/Los_Angeles");
		body.putObject("address")
			.put("street", "5800 College Avenue")
			.put("city", "Oakland")
			.put("region", "CA")
			.put("postalCode", "94618")
			.put("country", "US");
		ArrayNode hours = body.putArray("openingHours");
		hours.addObject().put("day", "MONDAY").put("opens", "09:00").put("closes", "12:30");
		hours.addObject().put("day", "MONDAY").put("opens", "13:30").put("closes", "18:00");
		body.putArray("rooms")
			.addObject()
			.put("id", slug + "-room-1")
			.put("name", "Treatment room 1")
			.put("type", "treatment-room");
		body.putArray("devices")
			.addObject()
			.put("id", slug + "-pen")
			.put("name", "Micro-needling pen")
			.put("type", "microneedling-pen");
		body.putArray("treatments").add("microneedling");
		return body;
	}

	private static ObjectNode practitioner(String name, String location) {
		ObjectNode body = EventJson.MAPPER.createObjectNode().put("displayName", name).put("role", "Aesthetician");
		body.putArray("qualifications").add("microneedling").add("facial");
		body.putArray("locations").add(location);
		return body;
	}

	private static Consumer<ObjectNode> change(Consumer<ObjectNode> change) {
		return change;
	}

}

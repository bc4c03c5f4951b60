package dev.medspa.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.jayway.jsonpath.JsonPath;
import dev.medspa.booking.catalog.CatalogReadModel;
import dev.medspa.booking.schedule.Schedules;
import dev.medspa.testsupport.LocalInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every staff action is in the audit log with who, what, which booking, when, from where
 * and why, refused attempts too; owners read and filter it, nobody changes it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@LocalInfrastructure
class AuditLogTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogReadModel catalog;

	@Autowired
	Schedules schedules;

	@Autowired
	MongoTemplate mongo;

	@Test
	void staffActionsAreRecordedAndOwnersReadThemFiltered() throws Exception {
		CatalogFixtures.walnutCreekWithItsPractitioner(this.catalog, this.schedules);
		String start = LocalDate.now(ZoneId.of("America/Los_Angeles"))
			.plusDays(5)
			.atTime(10, 0)
			.atZone(ZoneId.of("America/Los_Angeles"))
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		String booked = this.mvc
			.perform(post("/api/staff/bookings").with(Staff.frontDeskAt(CatalogFixtures.WALNUT_CREEK)).with(request -> {
				request.setRemoteAddr("10.9.8.7");
				return request;
			})
				.contentType(MediaType.APPLICATION_JSON)
				.content(BookingApiTest.request(CatalogFixtures.CONSULTATION, CatalogFixtures.WALNUT_CREEK, start,
						"audited@example.com")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(booked, "$.id");
		this.mvc
			.perform(post("/api/staff/bookings/" + id + "/cancel").with(Staff.frontDeskAt("san-ramon"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Trying elsewhere\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/staff/bookings/" + id + "/cancel").with(Staff.managerAt(CatalogFixtures.WALNUT_CREEK))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Client called in sick\"}"))
			.andExpect(status().isOk());

		this.mvc.perform(get("/api/staff/audit").param("target", id).with(Staff.owner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries", hasSize(3)))
			// newest first
			.andExpect(jsonPath("$.entries[0].actor").value("manager@clinic.example"))
			.andExpect(jsonPath("$.entries[0].roles[0]").value("MANAGER"))
			.andExpect(jsonPath("$.entries[0].action").value("POST /api/staff/bookings/{id}/cancel"))
			.andExpect(jsonPath("$.entries[0].target").value("/api/staff/bookings/" + id + "/cancel"))
			.andExpect(jsonPath("$.entries[0].status").value(200))
			.andExpect(jsonPath("$.entries[0].reason").value("Client called in sick"))
			.andExpect(jsonPath("$.entries[0].service").value("booking-service"))
			.andExpect(jsonPath("$.entries[1].actor").value("desk@clinic.example"))
			.andExpect(jsonPath("$.entries[1].status").value(403))
			.andExpect(jsonPath("$.entries[2].action").value("POST /api/staff/bookings"))
			.andExpect(jsonPath("$.entries[2].address").value("10.9.8.7"));
		this.mvc.perform(get("/api/staff/audit").param("actor", "manager@clinic.example").with(Staff.owner()))
			.andExpect(jsonPath("$.entries[*].actor",
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("manager@clinic.example"))));

		// only owners read it, and no route changes it
		this.mvc.perform(get("/api/staff/audit").with(Staff.managerAt(CatalogFixtures.WALNUT_CREEK)))
			.andExpect(status().isForbidden());
		int entries = this.mongo.findAll(org.bson.Document.class, "audit_log").size();
		for (var change : java.util.List.of(delete("/api/staff/audit"), put("/api/staff/audit"),
				post("/api/staff/audit"))) {
			int answer = this.mvc.perform(change.with(Staff.owner())).andReturn().getResponse().getStatus();
			assertThat(answer).as("changing the audit log").isGreaterThanOrEqualTo(400).isLessThan(500);
		}
		// nothing was removed
		assertThat(this.mongo.findAll(org.bson.Document.class, "audit_log").size()).isEqualTo(entries);
	}

}

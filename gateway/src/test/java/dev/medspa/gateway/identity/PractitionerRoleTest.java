package dev.medspa.gateway.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medspa.support.security.StaffRole;
import dev.medspa.testsupport.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The practitioner role, against accounts in the real store: the demo staff of a first
 * start include a practitioner of Walnut Creek, whose access token carries the role and
 * the location as any other role's does; an owner gives the role to a member, and it
 * opens none of the managers' and owners' pages.
 */
@SpringBootTest(properties = "medspa.identity.issuer=http://gateway.test")
@AutoConfigureMockMvc
@LocalInfrastructure
class PractitionerRoleTest {

	static final String PRACTITIONER = "practitioner.walnutcreek@clinic.example";

	@TempDir
	static Path home;

	@DynamicPropertySource
	static void files(DynamicPropertyRegistry registry) {
		registry.add("medspa.identity.signing-key-file", () -> home.resolve("signing-key.json").toString());
		registry.add("medspa.identity.demo-staff-file", () -> home.resolve("demo-staff.txt").toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AccessTokens tokens;

	@Test
	void theDemoStaffHaveAPractitionerOfWalnutCreekWithASignIn() throws Exception {
		StaffAccount practitioner = this.accounts.byEmail(PRACTITIONER).orElseThrow();
		assertThat(practitioner.displayName()).isEqualTo("Daniel Ortiz");
		assertThat(practitioner.roles()).containsExactly(StaffRole.PRACTITIONER);
		assertThat(practitioner.locations()).containsExactly("walnut-creek");
		assertThat(practitioner.mainRole()).isEqualTo(StaffRole.PRACTITIONER);
		assertThat(Files.readAllLines(home.resolve("demo-staff.txt")))
			.anyMatch(line -> line.startsWith("Practitioner ") && line.contains(" " + PRACTITIONER + " "));
	}

	@Test
	void itsAccessTokenCarriesTheRoleAndTheLocation() throws Exception {
		SignedJWT token = SignedJWT.parse(this.tokens.issue(this.accounts.byEmail(PRACTITIONER).orElseThrow()));
		assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("PRACTITIONER"));
		assertThat(token.getJWTClaimsSet().getStringListClaim("locations")).isEqualTo(List.of("walnut-creek"));
		assertThat(token.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Daniel Ortiz");
	}

	@Test
	void theIntakeReviewFormNeedsTheCsrfTokenAndOwnersAsSuchAreRefusedTheAnswers() throws Exception {
		String page = "/staff/locations/walnut-creek/intake/b1";
		this.mvc
			.perform(post(page + "/review").with(user(PRACTITIONER).roles("PRACTITIONER")).param("decision", "CLEARED"))
			.andExpect(redirectedUrl("/staff/sign-in?expired"));
		this.mvc.perform(get(page).with(user("owner@clinic.example").roles("OWNER")))
			.andExpect(status().isForbidden())
			.andExpect(content()
				.string(containsString("Only practitioners and managers of this location can read health answers.")));
	}

	@Test
	void anOwnerGivesTheRoleAndItOpensNoManagersOrOwnersPage() throws Exception {
		this.mvc
			.perform(post("/staff/admin/staff").with(user("owner@clinic.example").roles("OWNER"))
				.with(csrf())
				.param("email", "maya@clinic.example")
				.param("displayName", "Maya Chen")
				.param("role", "PRACTITIONER")
				.param("locations", "walnut-creek", "san-ramon"))
			.andExpect(redirectedUrl("/staff/admin/staff"))
			.andExpect(flash().attributeExists("done"));
		StaffAccount maya = this.accounts.byEmail("maya@clinic.example").orElseThrow();
		assertThat(maya.roles()).containsExactly(StaffRole.PRACTITIONER);
		assertThat(maya.locations()).containsExactlyInAnyOrder("walnut-creek", "san-ramon");

		this.accounts.setAccess("maya@clinic.example", "Maya Chen", Set.of(StaffRole.PRACTITIONER),
				Set.of("walnut-creek"), true);
		for (String page : List.of("/staff/admin/staff", "/staff/schedules", "/staff/catalog/treatments",
				"/staff/webhooks")) {
			this.mvc.perform(get(page).with(user("maya@clinic.example").roles("PRACTITIONER")))
				.andExpect(status().isForbidden());
		}
	}

}

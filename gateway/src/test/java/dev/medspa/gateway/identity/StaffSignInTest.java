package dev.medspa.gateway.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.medspa.support.security.StaffRole;
import dev.medspa.testsupport.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff sign-in against accounts in the real store: the right password signs in, a wrong
 * one says so without telling which part was wrong, five in a row lock the account, a
 * disabled account cannot sign in; the signing key is generated once and published as
 * JWKS; tokens carry roles, locations, audience and expiry.
 */
@SpringBootTest(properties = "medspa.identity.issuer=http://gateway.test")
@AutoConfigureMockMvc
@LocalInfrastructure
class StaffSignInTest {

	@TempDir
	static Path keys;

	@DynamicPropertySource
	static void keyFile(DynamicPropertyRegistry registry) {
		registry.add("medspa.identity.signing-key-file", () -> keys.resolve("signing-key.json").toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AccessTokens tokens;

	@Test
	void theRightPasswordSignsInAndAWrongOneSaysSo() throws Exception {
		member("right@clinic.example", true);
		var session = (org.springframework.mock.web.MockHttpSession) this.mvc
			.perform(
					formLogin("/staff/sign-in").user("email", "right@clinic.example").password("correct horse battery"))
			.andExpect(redirectedUrl("/staff"))
			.andReturn()
			.getRequest()
			.getSession();
		// the session of a real sign-in opens staff pages (its authorities are more than
		// roles)
		this.mvc.perform(get("/staff/account/password").session(session)).andExpect(status().isOk());
		this.mvc.perform(formLogin("/staff/sign-in").user("email", "right@clinic.example").password("wrong"))
			.andExpect(redirectedUrl("/staff/sign-in?error=wrong"));
		this.mvc.perform(formLogin("/staff/sign-in").user("email", "nobody@clinic.example").password("wrong"))
			.andExpect(redirectedUrl("/staff/sign-in?error=wrong"));
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
		member("locked@clinic.example", true);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin("/staff/sign-in").user("email", "locked@clinic.example").password("guess-" + i))
				.andExpect(redirectedUrl("/staff/sign-in?error=wrong"));
		}
		this.mvc
			.perform(formLogin("/staff/sign-in").user("email", "locked@clinic.example")
				.password("correct horse battery"))
			.andExpect(redirectedUrl("/staff/sign-in?error=locked"));
		assertThat(this.accounts.byEmail("locked@clinic.example").orElseThrow().lockedUntil()).isNotNull();
	}

	@Test
	void aDisabledAccountCannotSignIn() throws Exception {
		member("gone@clinic.example", false);
		this.mvc
			.perform(formLogin("/staff/sign-in").user("email", "gone@clinic.example").password("correct horse battery"))
			.andExpect(redirectedUrl("/staff/sign-in?error=disabled"));
	}

	@Test
	void staffPagesNeedASignInAndPostsNeedTheCsrfToken() throws Exception {
		this.mvc.perform(get("/staff")).andExpect(redirectedUrl("/staff/sign-in"));
		// a form sent without its CSRF token does nothing and leads back to sign-in
		member("csrf@clinic.example", true);
		String before = this.accounts.byEmail("csrf@clinic.example").orElseThrow().passwordHash();
		this.mvc
			.perform(post("/staff/account/password").with(user("csrf@clinic.example"))
				.param("current", "correct horse battery")
				.param("replacement", "a brand new password")
				.param("repeated", "a brand new password"))
			.andExpect(redirectedUrl("/staff/sign-in?expired"));
		assertThat(this.accounts.byEmail("csrf@clinic.example").orElseThrow().passwordHash()).isEqualTo(before);
		this.mvc
			.perform(post("/staff/account/password").with(user("csrf@clinic.example").roles("FRONT_DESK"))
				.with(csrf())
				.param("current", "correct horse battery")
				.param("replacement", "a brand new password")
				.param("repeated", "a brand new password"))
			.andExpect(status().isOk());
		assertThat(this.accounts.byEmail("csrf@clinic.example").orElseThrow().passwordHash()).isNotEqualTo(before);
		member("desk@clinic.example", true);
		this.mvc.perform(get("/staff/admin/staff").with(user("desk@clinic.example").roles("FRONT_DESK")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aSessionEndsWhenItsAccountIsDisabledOrItsRolesChange() throws Exception {
		member("changing@clinic.example", true);
		String page = "/staff/account/password";
		this.mvc.perform(get(page).with(user("changing@clinic.example").roles("FRONT_DESK")))
			.andExpect(status().isOk());
		// a session signed in as owner, whose account has since been made front desk
		this.mvc.perform(get(page).with(user("changing@clinic.example").roles("OWNER")))
			.andExpect(redirectedUrl("/staff/sign-in?changed"));
		this.accounts.setAccess("changing@clinic.example", "Member", Set.of(StaffRole.FRONT_DESK), Set.of(), false);
		this.mvc.perform(get(page).with(user("changing@clinic.example").roles("FRONT_DESK")))
			.andExpect(redirectedUrl("/staff/sign-in?changed"));
	}

	@Test
	void theSigningKeyIsKeptInItsFileAndPublishedWithoutItsPrivatePart() throws Exception {
		RSAKey kept = RSAKey.parse(Files.readString(keys.resolve("signing-key.json")));
		assertThat(kept.isPrivate()).isTrue();
		String jwks = this.mvc.perform(get("/oauth2/jwks"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		RSAKey published = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(kept.getKeyID());
		assertThat(published).isNotNull();
		assertThat(published.isPrivate()).isFalse();
		assertThat(SigningKey.loadOrCreate(keys.resolve("signing-key.json")).getKeyID()).isEqualTo(kept.getKeyID());
	}

	@Test
	void anAccessTokenCarriesRolesLocationsAudienceAndExpiry() throws Exception {
		StaffAccount desk = new StaffAccount("desk@clinic.example", "Desk", "{noop}x", Set.of(StaffRole.FRONT_DESK),
				Set.of("san-ramon"), true, 0, null);
		SignedJWT token = SignedJWT.parse(this.tokens.issue(desk));
		RSAKey key = RSAKey.parse(Files.readString(keys.resolve("signing-key.json")));
		assertThat(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("http://gateway.test");
		assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("medspa-api");
		assertThat(token.getJWTClaimsSet().getExpirationTime()).isNotNull();
		assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("FRONT_DESK"));
		assertThat(token.getJWTClaimsSet().getStringListClaim("locations")).isEqualTo(List.of("san-ramon"));
	}

	private void member(String email, boolean enabled) {
		this.accounts.create(new StaffAccount(email, "Member", this.passwords.encode("correct horse battery"),
				Set.of(StaffRole.FRONT_DESK), Set.of("walnut-creek"), enabled, 0, null));
	}

}

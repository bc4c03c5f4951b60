package dev.medspa.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.medspa.support.security.RouteAccess;
import dev.medspa.support.security.StaffClaims;
import dev.medspa.support.security.StaffRole;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpMethod;

/**
 * States on every operation what the security chain asks of its caller, from the same
 * {@link RouteAccess} rules the chain enforces: public routes get an explicit empty
 * {@code security} list (no token), staff routes the {@value #STAFF_TOKEN} bearer scheme,
 * with the roles that may call them as a last line of the description and as
 * {@value #ROLES} (role names as the token carries them).
 * <p>
 * Two cases are left for the document check to name: a route the chain denies to
 * everybody keeps no {@code security} at all, and an operation without a description gets
 * no roles line in place of one.
 */
public class RouteSecurityCustomizer implements OpenApiCustomizer {

	/** The name of the bearer scheme of staff access tokens in the documents. */
	public static final String STAFF_TOKEN = "staffToken";

	/** The extension listing the roles that may call an operation. */
	public static final String ROLES = "x-roles";

	private final RouteAccess access;

	public RouteSecurityCustomizer(RouteAccess access) {
		this.access = access;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.schemaRequirement(STAFF_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("A staff access token: a short-lived JWT (RS256) issued by the gateway's authorization "
					+ "server after staff sign-in, sent as Authorization: Bearer <token>. Every service checks its "
					+ "signature against the gateway's JWKS, its issuer, its audience (" + StaffClaims.AUDIENCE
					+ ") and its expiry, and decides from its roles and locations claims."));
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			RouteAccess.Audience audience = this.access.audienceOf(HttpMethod.valueOf(method.name()), path);
			if (audience == RouteAccess.Audience.ANYONE) {
				operation.setSecurity(new ArrayList<>());
			}
			else if (audience.needsToken()) {
				operation.setSecurity(List.of(new SecurityRequirement().addList(STAFF_TOKEN)));
				operation.addExtension(ROLES, StaffClaims.roleNames(audience.roles()));
				describeRoles(operation, audience);
			}
		}));
	}

	private static void describeRoles(Operation operation, RouteAccess.Audience audience) {
		String description = operation.getDescription();
		String line = "Roles: " + roles(audience);
		if (description != null && !description.isBlank() && !description.contains(line)) {
			operation.setDescription(description.strip() + "\n\n" + line);
		}
	}

	/** The roles, in words. */
	static String roles(RouteAccess.Audience audience) {
		return switch (audience) {
			case STAFF -> "any staff (" + labels(audience.roles()) + ")";
			case MANAGERS_OF_LOCATION -> "owner, or a manager of the location in the path";
			case CLINICIANS_OF_LOCATION ->
				"a practitioner or a manager of the location in the path (not owners as such)";
			default -> labels(audience.roles());
		};
	}

	private static String labels(List<StaffRole> roles) {
		List<String> labels = roles.stream().map(role -> role.label().toLowerCase(Locale.ROOT)).toList();
		if (labels.size() == 2) {
			return labels.get(0) + " or " + labels.get(1);
		}
		return labels.stream().collect(Collectors.joining(", "));
	}

}

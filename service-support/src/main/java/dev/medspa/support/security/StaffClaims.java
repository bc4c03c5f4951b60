package dev.medspa.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What a staff access token says about its holder: roles (as {@code ROLE_} authorities)
 * and the locations they work at. Owners work everywhere.
 */
public final class StaffClaims {

	/** The audience of every staff access token the identity provider issues. */
	public static final String AUDIENCE = "medspa-api";

	/** Claim with the holder's roles, such as {@code ["FRONT_DESK"]}. */
	public static final String ROLES = "roles";

	/** Claim with the ids of the locations the holder works at. */
	public static final String LOCATIONS = "locations";

	/** Claim with the holder's display name. */
	public static final String NAME = "name";

	private StaffClaims() {
	}

	/**
	 * Whether the caller may see and work a location: owners everywhere, everyone else
	 * where their token lists it.
	 */
	public static boolean worksAt(Authentication authentication, String locationId) {
		if (hasRole(authentication, StaffRole.OWNER)) {
			return true;
		}
		return locations(authentication).contains(locationId);
	}

	public static boolean hasRole(Authentication authentication, StaffRole role) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(role.authority()::equals);
	}

	/** The locations the token lists; none when it lists none. */
	public static Set<String> locations(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken jwt) {
			Object claim = jwt.getToken().getClaims().get(LOCATIONS);
			if (claim instanceof Collection<?> values) {
				return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
			}
		}
		return Set.of();
	}

	/** The roles of a staff member as they appear in the token. */
	public static List<String> roleNames(Collection<StaffRole> roles) {
		return roles.stream().map(StaffRole::name).sorted().toList();
	}

}

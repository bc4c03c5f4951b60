package dev.medspa.support.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which route of a service, as one ordered list of rules: the security chain
 * enforces it and the API documents state it, so the two cannot drift apart. The first
 * rule whose method and pattern match decides; a request that no rule matches is denied.
 * <p>
 * The rules are, in this order: health and API documents open to anyone; the audit log
 * and clients' data (export, erasure) for owners, in every service; the service's
 * {@link PublicRoutes}, {@link ClinicalRoutes}, {@link OwnerRoutes},
 * {@link ManagerRoutes} of their location and other {@link ManagerRoutes}; and the rest
 * of {@code /api/staff/**} for any valid staff token.
 */
public final class RouteAccess {

	private static final String[] ALWAYS_OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	private final List<Rule> rules;

	private RouteAccess(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** The rules of a service that declares these routes (each list may be empty). */
	public static RouteAccess of(List<PublicRoutes> publicRoutes, List<OwnerRoutes> ownerRoutes,
			List<ManagerRoutes> managerRoutes) {
		return of(publicRoutes, ownerRoutes, managerRoutes, List.of());
	}

	/** The rules of a service that also has routes to clients' health answers. */
	public static RouteAccess of(List<PublicRoutes> publicRoutes, List<OwnerRoutes> ownerRoutes,
			List<ManagerRoutes> managerRoutes, List<ClinicalRoutes> clinicalRoutes) {
		List<Rule> rules = new ArrayList<>();
		for (String pattern : ALWAYS_OPEN) {
			rules.add(new Rule(HttpMethod.GET, pattern, Audience.ANYONE));
		}
		rules.add(new Rule(null, "/error", Audience.ANYONE));
		rules.add(new Rule(HttpMethod.GET, "/api/staff/audit", Audience.OWNERS));
		rules.add(new Rule(null, "/api/staff/clients/**", Audience.OWNERS));
		publicRoutes.forEach(routes -> add(rules, routes.routes(), Audience.ANYONE));
		clinicalRoutes.forEach(routes -> add(rules, routes.routes(), Audience.CLINICIANS_OF_LOCATION));
		ownerRoutes.forEach(routes -> add(rules, routes.routes(), Audience.OWNERS));
		managerRoutes.forEach(routes -> add(rules, routes.ofTheirLocation(), Audience.MANAGERS_OF_LOCATION));
		managerRoutes.forEach(routes -> add(rules, routes.routes(), Audience.MANAGERS));
		rules.add(new Rule(null, "/api/staff/**", Audience.STAFF));
		return new RouteAccess(rules);
	}

	/**
	 * Only the rules every service shares: no public, owner or manager routes of its own.
	 */
	public static RouteAccess standard() {
		return of(List.of(), List.of(), List.of());
	}

	private static void add(List<Rule> rules, List<PublicRoutes.Route> routes, Audience audience) {
		routes.forEach(route -> rules.add(new Rule(route.method(), route.pattern(), audience)));
	}

	/** The rules in the order they are tried. */
	public List<Rule> rules() {
		return this.rules;
	}

	/**
	 * Who may call a route, by the first rule that matches it.
	 * @param path a path as a request names it, or a documented path template such as
	 * {@code /api/manage/{token}}: a template variable matches a pattern's {@code *} or
	 * variable like any other segment
	 * @return {@link Audience#NOBODY} when no rule matches
	 */
	public Audience audienceOf(HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		for (Rule rule : this.rules) {
			if (rule.matches(method, container)) {
				return rule.audience();
			}
		}
		return Audience.NOBODY;
	}

	/**
	 * @param method the method it applies to; any method when null
	 * @param pattern a path pattern, such as {@code /api/staff/**} or
	 * {@code /api/staff/locations/{location}}
	 */
	public record Rule(@Nullable HttpMethod method, String pattern, Audience audience) {

		boolean matches(HttpMethod requested, PathContainer path) {
			return (this.method == null || this.method.equals(requested))
					&& PathPatternParser.defaultInstance.parse(this.pattern).matches(path);
		}

	}

	/** Who a rule lets in. */
	public enum Audience {

		/** Anyone, without a token. */
		ANYONE,

		/** Any holder of a valid staff token, whatever their role. */
		STAFF(StaffRole.FRONT_DESK, StaffRole.PRACTITIONER, StaffRole.MANAGER, StaffRole.OWNER),

		/** Managers and owners. */
		MANAGERS(StaffRole.MANAGER, StaffRole.OWNER),

		/**
		 * Owners, and managers whose token lists the location the path names as
		 * {@code {location}}.
		 */
		MANAGERS_OF_LOCATION(StaffRole.MANAGER, StaffRole.OWNER),

		/**
		 * Practitioners and managers whose token lists the location the path names as
		 * {@code {location}}, and nobody else: the audience of health answers.
		 */
		CLINICIANS_OF_LOCATION(StaffRole.PRACTITIONER, StaffRole.MANAGER),

		/** Owners only. */
		OWNERS(StaffRole.OWNER),

		/** Nobody: the route is closed. */
		NOBODY;

		private final List<StaffRole> roles;

		Audience(StaffRole... roles) {
			this.roles = List.of(roles);
		}

		/** The roles that may call, from the narrowest; none for anyone and nobody. */
		public List<StaffRole> roles() {
			return this.roles;
		}

		/** Whether a caller must send a valid staff token. */
		public boolean needsToken() {
			return !this.roles.isEmpty();
		}

		/** Whether a valid staff token alone is not enough: its roles decide. */
		public boolean restricted() {
			return needsToken() && this != STAFF;
		}

	}

}

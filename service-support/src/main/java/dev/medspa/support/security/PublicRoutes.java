package dev.medspa.support.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * The routes of a service anyone may call without signing in. A service declares one bean
 * of this type; every route it does not list, apart from health and API documentation,
 * needs a staff token or is denied.
 */
public record PublicRoutes(List<Route> routes) {

	public PublicRoutes {
		routes = List.copyOf(routes);
	}

	public static PublicRoutes of(Route... routes) {
		return new PublicRoutes(List.of(routes));
	}

	public static Route get(String pattern) {
		return new Route(HttpMethod.GET, pattern);
	}

	public static Route post(String pattern) {
		return new Route(HttpMethod.POST, pattern);
	}

	public static Route put(String pattern) {
		return new Route(HttpMethod.PUT, pattern);
	}

	/**
	 * @param method the HTTP method
	 * @param pattern a path pattern, for example {@code /api/treatments/**}
	 */
	public record Route(HttpMethod method, String pattern) {
	}

}

package dev.medspa.support.security;

import java.util.List;

/**
 * The staff routes of a service that change what others rely on (the catalog, schedules):
 * open to managers and owners only, whatever else a token allows. A service declares one
 * bean of this type; the rest of {@code /api/staff/**} needs any valid staff token.
 */
public record ManagerRoutes(List<PublicRoutes.Route> routes) {

	public ManagerRoutes {
		routes = List.copyOf(routes);
	}

	public static ManagerRoutes of(PublicRoutes.Route... routes) {
		return new ManagerRoutes(List.of(routes));
	}

}

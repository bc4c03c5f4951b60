package dev.medspa.support.security;

import java.util.List;

/**
 * The staff routes of a service that change what others rely on (the catalog, schedules):
 * open to managers and owners only, whatever else a token allows. A service declares one
 * bean of this type; the rest of {@code /api/staff/**} needs any valid staff token.
 *
 * @param ofTheirLocation routes whose pattern names a location as {@code {location}}:
 * open to owners and to managers whose token lists that location
 */
public record ManagerRoutes(List<PublicRoutes.Route> routes, List<PublicRoutes.Route> ofTheirLocation) {

	public ManagerRoutes {
		routes = List.copyOf(routes);
		ofTheirLocation = List.copyOf(ofTheirLocation);
	}

	public static ManagerRoutes of(PublicRoutes.Route... routes) {
		return new ManagerRoutes(List.of(routes), List.of());
	}

	/** These routes too, each for managers of the location its path names. */
	public ManagerRoutes andOfTheirLocation(PublicRoutes.Route... locationRoutes) {
		return new ManagerRoutes(this.routes, List.of(locationRoutes));
	}

}

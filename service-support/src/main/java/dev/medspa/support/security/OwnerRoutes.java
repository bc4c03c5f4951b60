package dev.medspa.support.security;

import java.util.List;

/**
 * The staff routes of a service that shape the whole chain (opening or closing a
 * location): open to owners only. They are matched before {@link ManagerRoutes}.
 */
public record OwnerRoutes(List<PublicRoutes.Route> routes) {

	public OwnerRoutes {
		routes = List.copyOf(routes);
	}

	public static OwnerRoutes of(PublicRoutes.Route... routes) {
		return new OwnerRoutes(List.of(routes));
	}

}

package dev.medspa.support.security;

import java.util.List;

/**
 * The staff routes that show a client's health answers: open only to practitioners and
 * managers whose token lists the location the path names as {@code {location}}. Owners
 * are not let in by their role alone; an owner who also manages the location is.
 */
public record ClinicalRoutes(List<PublicRoutes.Route> routes) {

	public ClinicalRoutes {
		routes = List.copyOf(routes);
	}

	public static ClinicalRoutes of(PublicRoutes.Route... routes) {
		return new ClinicalRoutes(List.of(routes));
	}

}

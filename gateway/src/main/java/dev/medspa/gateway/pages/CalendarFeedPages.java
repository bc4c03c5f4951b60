package dev.medspa.gateway.pages;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.gateway.identity.IdentityProperties;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A location's calendar feeds, kept by its managers and owners: practitioners have no
 * sign-in, so a manager makes a feed of a practitioner's bookings (or of everyone's) and
 * hands its link on. The link carries the feed's key and is shown once, on the answer to
 * the form that made it: never stored here, never put in the session, and the page that
 * shows it is kept out of caches. booking-service decides who may, from the member's
 * token.
 */
@Controller
class CalendarFeedPages {

	private final Services services;

	private final Catalog catalog;

	private final StaffAccounts accounts;

	private final PagesProperties pages;

	private final IdentityProperties identity;

	CalendarFeedPages(Services services, Catalog catalog, StaffAccounts accounts, PagesProperties pages,
			IdentityProperties identity) {
		this.services = services;
		this.catalog = catalog;
		this.accounts = accounts;
		this.pages = pages;
		this.identity = identity;
	}

	@GetMapping("/staff/catalog/locations/{id}/feeds")
	String feeds(@PathVariable String id, Authentication member, Model model) {
		show(location(id, member), model);
		return "staff/calendar-feeds";
	}

	/**
	 * Makes a feed and shows its link this once.
	 * @param practitionerId whose bookings; blank for every booking at the location
	 */
	@PostMapping("/staff/catalog/locations/{id}/feeds")
	String issue(@PathVariable String id, @RequestParam(required = false) @Nullable String practitionerId,
			Authentication member, Model model, HttpServletResponse response) {
		LocationState location = location(id, member);
		try {
			Map<String, Object> issued = this.services.issueCalendarFeed(id, BookingPages.blankToNull(practitionerId));
			URI site = URI.create(this.identity.issuer());
			String path = String.valueOf(issued.get("path"));
			String authority = site.getRawAuthority()
					+ (site.getRawPath() == null ? "" : stripSlash(site.getRawPath()));
			Map<String, String> link = new LinkedHashMap<>();
			link.put("covers", String.valueOf(issued.get("covers")));
			link.put("webcal", "webcal://" + authority + path);
			link.put("web", site.getScheme() + "://" + authority + path);
			model.addAttribute("issued", link);
			PrivateLinks.keepPrivate(response);
		}
		catch (ServiceProblem problem) {
			model.addAttribute("problem", Problems.summary(problem));
		}
		show(location, model);
		return "staff/calendar-feeds";
	}

	@PostMapping("/staff/catalog/locations/{id}/feeds/{feedId}/revoke")
	String revoke(@PathVariable String id, @PathVariable String feedId,
			@RequestParam(required = false) @Nullable String covers, Authentication member,
			RedirectAttributes redirect) {
		location(id, member);
		try {
			this.services.revokeCalendarFeed(id, feedId);
			redirect.addFlashAttribute("done", "Revoked" + (covers == null ? "" : ": " + covers)
					+ ". Its link no longer works; calendars subscribed to it stop updating.");
		}
		catch (ServiceProblem problem) {
			redirect.addFlashAttribute("problem",
					problem.status() == 404 ? "This feed was revoked already." : Problems.summary(problem));
		}
		return "redirect:/staff/catalog/locations/" + id + "/feeds";
	}

	/** The location, if the member manages it (or owns the chain). */
	private LocationState location(String id, Authentication member) {
		StaffAccount account = StaffAccess.account(this.accounts, member);
		if (!StaffAccess.worksAt(account, id) || !(account.has(StaffRole.MANAGER) || account.has(StaffRole.OWNER))) {
			throw new AccessDeniedException("Only managers of this location and owners keep its calendar feeds");
		}
		return this.catalog.location(id).orElseThrow(() -> new PageNotFound("No location has this id."));
	}

	private void show(LocationState location, Model model) {
		String zone = location.zoneId();
		List<Map<String, String>> rows = new ArrayList<>();
		for (Map<String, Object> feed : this.services.calendarFeeds(location.id().value())) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("id", String.valueOf(feed.get("id")));
			row.put("covers", String.valueOf(feed.get("covers")));
			row.put("created", created(feed.get("createdAt"), zone));
			row.put("by", String.valueOf(feed.get("createdBy")));
			rows.add(row);
		}
		Map<String, String> practitioners = new LinkedHashMap<>();
		for (Map<String, Object> practitioner : this.services.practitioners(null, location.id().value())) {
			practitioners.put(String.valueOf(practitioner.get("id")), String.valueOf(practitioner.get("displayName")));
		}
		model.addAttribute("location", location);
		model.addAttribute("feeds", rows);
		model.addAttribute("practitioners", practitioners);
		model.addAttribute("horizonDays", this.pages.bookingHorizon().getDays());
	}

	private static String created(@Nullable Object value, String zone) {
		if (value == null) {
			return "";
		}
		try {
			return Times.full(Instant.parse(String.valueOf(value)), zone);
		}
		catch (DateTimeParseException ex) {
			return String.valueOf(value);
		}
	}

	private static String stripSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}

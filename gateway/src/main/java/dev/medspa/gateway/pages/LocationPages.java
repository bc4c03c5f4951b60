package dev.medspa.gateway.pages;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Managers keep a location: its name, phone, address and zone, opening hours (two ranges
 * a day make a lunch break), rooms, the devices its rooms share, and the treatments it
 * offers. Sent back with the version read, like every catalog change.
 */
@Controller
class LocationPages {

	private static final int EMPTY_ROWS = 2;

	private final Services services;

	private final Catalog catalog;

	private final dev.medspa.gateway.identity.StaffAccounts accounts;

	LocationPages(Services services, Catalog catalog, dev.medspa.gateway.identity.StaffAccounts accounts) {
		this.services = services;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	/** Managers keep the locations they work at; owners, all. */
	private boolean mine(String locationId, org.springframework.security.core.Authentication member) {
		return this.accounts.byEmail(member.getName())
			.map(account -> account.has(dev.medspa.support.security.StaffRole.OWNER)
					|| account.locations().contains(locationId))
			.orElse(false);
	}

	private void requireMine(String locationId, org.springframework.security.core.Authentication member) {
		if (!mine(locationId, member)) {
			throw new org.springframework.security.access.AccessDeniedException("Not this member's location");
		}
	}

	@GetMapping("/staff/catalog/locations")
	String locations(Model model, org.springframework.security.core.Authentication member) {
		model.addAttribute("locations",
				this.catalog.locations().stream().filter(location -> mine(location.id().value(), member)).toList());
		return "staff/locations";
	}

	@GetMapping("/staff/catalog/locations/{id}")
	String edit(@PathVariable String id, Model model, org.springframework.security.core.Authentication member) {
		requireMine(id, member);
		show(this.services.staffLocation(id), model);
		return "staff/location-edit";
	}

	@PostMapping("/staff/catalog/locations/{id}")
	String save(@PathVariable String id, @RequestParam long version,
			@RequestParam(defaultValue = "false") boolean confirm, @RequestParam MultiValueMap<String, String> form,
			Model model, RedirectAttributes redirect, org.springframework.security.core.Authentication member) {
		requireMine(id, member);
		Map<String, Object> current = this.services.staffLocation(id);
		Map<String, Object> location = new LinkedHashMap<>();
		location.put("slug", current.get("slug"));
		location.put("name", form.getFirst("name"));
		location.put("phone", form.getFirst("phone"));
		location.put("zoneId", form.getFirst("zoneId"));
		Map<String, Object> address = new LinkedHashMap<>();
		for (String field : List.of("street", "city", "region", "postalCode", "country")) {
			address.put(field, form.getFirst(field));
		}
		location.put("address", address);
		List<Map<String, Object>> hours = new ArrayList<>();
		List<String> days = form.getOrDefault("hoursDay", List.of());
		for (int i = 0; i < days.size(); i++) {
			if (days.get(i).isBlank()) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("day", days.get(i));
			row.put("opens", blankToNull(Forms.value(form, "opens", i)));
			row.put("closes", blankToNull(Forms.value(form, "closes", i)));
			hours.add(row);
		}
		location.put("openingHours", hours);
		location.put("rooms", equipment(form, "room"));
		location.put("devices", equipment(form, "device"));
		location.put("treatments", form.getOrDefault("treatments", List.of()));
		List<String> leaving = leavingService(current, location);
		if (!confirm && !leaving.isEmpty()) {
			List<Map<String, Object>> affected = this.services.affectedBookings(id, leaving);
			if (!affected.isEmpty()) {
				model.addAttribute("problem", "These confirmed bookings use a room or device you are taking out of "
						+ "use. Move them first, or keep the change: they then wait on the list of bookings that need "
						+ "attention, and their clients hear nothing until you move or cancel them.");
				model.addAttribute("affected", AffectedBookings.rows(affected, this.catalog));
				location.put("id", id);
				location.put("version", version);
				show(location, model);
				return "staff/location-edit";
			}
		}
		try {
			this.services.updateLocation(id, version, location);
			redirect
				.addFlashAttribute("done", confirm
						? "Saved. The bookings that used what you took out of use are on the list of bookings that "
								+ "need attention."
						: "Saved. Availability and clients see the change within a second.");
			return "redirect:/staff/catalog/locations/" + id;
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 412) {
				model.addAttribute("problem", "Someone else changed this location after you opened it. Below is the "
						+ "current version; make your change again on it.");
				show(this.services.staffLocation(id), model);
			}
			else {
				model.addAttribute("problem", Problems.summary(problem));
				location.put("id", id);
				location.put("version", version);
				show(location, model);
			}
			return "staff/location-edit";
		}
	}

	/** The rooms and devices in use now that the edit takes out of use or removes. */
	private static List<String> leavingService(Map<String, Object> current, Map<String, Object> edited) {
		List<String> inUseAfter = new ArrayList<>();
		for (String kind : List.of("rooms", "devices")) {
			Forms.list(edited.get(kind))
				.stream()
				.filter(row -> Boolean.TRUE.equals(row.get("active")))
				.forEach(row -> inUseAfter.add(String.valueOf(row.get("id"))));
		}
		List<String> leaving = new ArrayList<>();
		for (String kind : List.of("rooms", "devices")) {
			Forms.list(current.get(kind))
				.stream()
				.filter(row -> !Boolean.FALSE.equals(row.get("active")))
				.map(row -> String.valueOf(row.get("id")))
				.filter(resource -> !inUseAfter.contains(resource))
				.forEach(leaving::add);
		}
		return leaving;
	}

	/**
	 * The rows of rooms or devices: id, name, type, and whether it is in use; a row
	 * without an id is left out.
	 */
	private static List<Map<String, Object>> equipment(MultiValueMap<String, String> form, String kind) {
		List<Map<String, Object>> rows = new ArrayList<>();
		List<String> ids = form.getOrDefault(kind + "Id", List.of());
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i).isBlank()) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", ids.get(i));
			row.put("name", Forms.value(form, kind + "Name", i));
			row.put("type", Forms.value(form, kind + "Type", i));
			row.put("active", form.getOrDefault(kind + "Active", List.of()).contains(String.valueOf(i)));
			rows.add(row);
		}
		return rows;
	}

	@SuppressWarnings("unchecked")
	private void show(Map<String, Object> location, Model model) {
		List<Map<String, Object>> hours = new ArrayList<>(Forms.list(location.get("openingHours")));
		List<Map<String, Object>> rooms = new ArrayList<>(Forms.list(location.get("rooms")));
		List<Map<String, Object>> devices = new ArrayList<>(Forms.list(location.get("devices")));
		for (int i = 0; i < EMPTY_ROWS; i++) {
			hours.add(Map.of());
			rooms.add(Map.of());
			devices.add(Map.of());
		}
		Object address = location.get("address");
		model.addAttribute("location", location);
		model.addAttribute("address", address instanceof Map<?, ?> map ? map : Map.of());
		model.addAttribute("hours", hours);
		model.addAttribute("rooms", rooms);
		model.addAttribute("devices", devices);
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("offered", location.get("treatments") instanceof List<?> offered ? offered : List.of());
		model.addAttribute("treatments", this.catalog.treatments());
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}

}

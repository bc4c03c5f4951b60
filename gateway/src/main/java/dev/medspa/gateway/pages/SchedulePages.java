package dev.medspa.gateway.pages;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.medspa.events.catalog.LocationState;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;
import dev.medspa.support.security.StaffRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Managers keep who works where and when: a practitioner's weekly hours per location (two
 * ranges a day make a break), time off and extra hours on dates. The whole schedule is
 * sent back with the version it was read at; a stale edit shows the current schedule and
 * what was typed, and overwrites nothing.
 */
@Controller
class SchedulePages {

	private static final int EMPTY_WEEKLY_ROWS = 3;

	private static final int EMPTY_EXCEPTION_ROWS = 2;

	private final Services services;

	private final Catalog catalog;

	private final StaffAccounts accounts;

	SchedulePages(Services services, Catalog catalog, StaffAccounts accounts) {
		this.services = services;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@GetMapping("/staff/schedules")
	String practitioners(Authentication member, Model model) {
		model.addAttribute("practitioners", practitionersOf(member));
		return "staff/schedules";
	}

	/** Who works at the member's locations, by id, with their names. */
	private Map<String, String> practitionersOf(Authentication member) {
		Map<String, String> practitioners = new LinkedHashMap<>();
		for (LocationState location : locations(member)) {
			for (Map<String, Object> practitioner : this.services.practitioners(null, location.id().value())) {
				practitioners.putIfAbsent(String.valueOf(practitioner.get("id")),
						String.valueOf(practitioner.get("displayName")));
			}
		}
		return practitioners;
	}

	/** Managers keep the schedules of those who work at their locations; owners, all. */
	private void requireMine(String practitionerId, Authentication member) {
		boolean owner = this.accounts.byEmail(member.getName())
			.map(account -> account.has(StaffRole.OWNER))
			.orElse(false);
		if (!owner && !practitionersOf(member).containsKey(practitionerId)) {
			throw new AccessDeniedException("Not a practitioner of this member's locations");
		}
	}

	/** A new practitioner, then straight on to their hours. */
	@GetMapping("/staff/schedules/new")
	String newPractitioner(Authentication member, Model model) {
		model.addAttribute("locations", locations(member));
		model.addAttribute("qualifications", qualifications());
		return "staff/practitioner-new";
	}

	@PostMapping("/staff/schedules/new")
	String createPractitioner(@RequestParam String displayName, @RequestParam String role,
			@RequestParam(required = false) @Nullable List<String> qualifications,
			@RequestParam(required = false) @Nullable List<String> locations, Authentication member, Model model,
			RedirectAttributes redirect) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("displayName", displayName.trim());
		request.put("role", role.trim());
		request.put("qualifications", qualifications == null ? List.of() : qualifications);
		request.put("locations", locations == null ? List.of() : locations);
		try {
			Map<String, Object> created = this.services.createPractitioner(request);
			redirect.addFlashAttribute("done",
					displayName.trim() + " is in the catalog. Now set the hours they work, and save.");
			return "redirect:/staff/schedules/" + created.get("id");
		}
		catch (ServiceProblem problem) {
			model.addAttribute("problem", problem.fieldErrors().isEmpty() ? Problems.explain(problem).message()
					: "Please check the fields marked below.");
			model.addAttribute("fieldErrors", problem.fieldErrors());
			model.addAttribute("locations", locations(member));
			model.addAttribute("qualifications", qualifications());
			return "staff/practitioner-new";
		}
	}

	private List<String> qualifications() {
		return this.catalog.treatments()
			.stream()
			.map(treatment -> treatment.qualification())
			.distinct()
			.sorted()
			.toList();
	}

	@GetMapping("/staff/schedules/{practitionerId}")
	String schedule(@PathVariable String practitionerId, Authentication member, Model model) {
		requireMine(practitionerId, member);
		show(practitionerId, this.services.schedule(practitionerId).orElse(null), member, model);
		return "staff/schedule";
	}

	@PostMapping("/staff/schedules/{practitionerId}")
	String save(@PathVariable String practitionerId, @RequestParam long version,
			@RequestParam(defaultValue = "false") boolean confirm, @RequestParam MultiValueMap<String, String> form,
			Authentication member, Model model, RedirectAttributes redirect) {
		requireMine(practitionerId, member);
		List<Map<String, Object>> weekly = new ArrayList<>();
		List<String> days = form.getOrDefault("day", List.of());
		for (int i = 0; i < days.size(); i++) {
			String start = Forms.value(form, "start", i);
			String end = Forms.value(form, "end", i);
			if (days.get(i).isBlank() && start.isBlank() && end.isBlank()) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("locationId", Forms.value(form, "location", i));
			row.put("day", days.get(i));
			row.put("start", start.isBlank() ? null : start);
			row.put("end", end.isBlank() ? null : end);
			weekly.add(row);
		}
		List<Map<String, Object>> exceptions = new ArrayList<>();
		List<String> dates = form.getOrDefault("exceptionDate", List.of());
		for (int i = 0; i < dates.size(); i++) {
			if (dates.get(i).isBlank()) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("date", dates.get(i));
			row.put("kind", Forms.value(form, "exceptionKind", i));
			String location = Forms.value(form, "exceptionLocation", i);
			row.put("locationId", location.isBlank() ? null : location);
			String start = Forms.value(form, "exceptionStart", i);
			String end = Forms.value(form, "exceptionEnd", i);
			row.put("start", start.isBlank() ? null : start);
			row.put("end", end.isBlank() ? null : end);
			exceptions.add(row);
		}
		Map<String, Object> schedule = new LinkedHashMap<>();
		schedule.put("weekly", weekly);
		schedule.put("exceptions", exceptions);
		try {
			replaceWhenKnown(practitionerId, version, schedule, confirm);
			redirect.addFlashAttribute("done", confirm
					? "Saved. The bookings outside the new hours are on the list of bookings that need attention."
					: "Saved. Availability follows at once.");
			if (confirm) {
				redirect.addFlashAttribute("attentionLink", true);
			}
			return "redirect:/staff/schedules/" + practitionerId;
		}
		catch (ServiceProblem problem) {
			if (problem.is("strands-bookings")) {
				model.addAttribute("problem", "These confirmed bookings would be outside the new hours. Move or "
						+ "cancel them first, or keep the change: they then wait on the list of bookings that need "
						+ "attention, and their clients hear nothing until you move or cancel them.");
				model.addAttribute("affected",
						AffectedBookings.rows(Forms.list(problem.property("affectedBookings")), this.catalog));
				show(practitionerId, schedule, member, model);
				model.addAttribute("version", version);
			}
			else if (problem.status() == 412) {
				model.addAttribute("problem", "Someone else changed this schedule after you opened it. Below is the "
						+ "current schedule; what you sent is listed so you can make your change again.");
				model.addAttribute("yours", weekly);
				show(practitionerId, this.services.schedule(practitionerId).orElse(null), member, model);
			}
			else {
				model.addAttribute("problem", Problems.summary(problem));
				show(practitionerId, schedule, member, model);
				model.addAttribute("version", version);
			}
			return "staff/schedule";
		}
	}

	/**
	 * Replaces the schedule; a practitioner created in the catalog a moment ago reaches
	 * booking-service by event within a second or two, so a 404 is retried for a few
	 * seconds before it counts.
	 */
	private void replaceWhenKnown(String practitionerId, long version, Map<String, Object> schedule, boolean confirm) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
		while (true) {
			try {
				this.services.replaceSchedule(practitionerId, version, schedule, confirm);
				return;
			}
			catch (ServiceProblem problem) {
				if (problem.status() != 404 || System.nanoTime() > deadline) {
					throw problem;
				}
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw problem;
				}
			}
		}
	}

	private void show(String practitionerId, @Nullable Map<String, Object> schedule, Authentication member,
			Model model) {
		List<Map<String, Object>> weekly = new ArrayList<>(
				Forms.list(schedule == null ? null : schedule.get("weekly")));
		for (int i = 0; i < EMPTY_WEEKLY_ROWS; i++) {
			weekly.add(Map.of());
		}
		List<Map<String, Object>> exceptions = new ArrayList<>(
				Forms.list(schedule == null ? null : schedule.get("exceptions")));
		for (int i = 0; i < EMPTY_EXCEPTION_ROWS; i++) {
			exceptions.add(Map.of());
		}
		model.addAttribute("practitionerId", practitionerId);
		model.addAttribute("version", schedule == null || schedule.get("version") == null ? 0
				: Long.parseLong(String.valueOf(schedule.get("version"))));
		model.addAttribute("weekly", weekly);
		model.addAttribute("exceptions", exceptions);
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("locations", this.catalog.locations());
	}

	private List<LocationState> locations(Authentication member) {
		StaffAccount account = this.accounts.byEmail(member.getName())
			.orElseThrow(() -> new AccessDeniedException("No staff account"));
		return this.catalog.locations()
			.stream()
			.filter(location -> account.has(StaffRole.OWNER) || account.locations().contains(location.id().value()))
			.toList();
	}

}

package dev.medspa.gateway.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.medspa.gateway.audit.AuditLog;
import dev.medspa.gateway.services.ServiceProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The owners' page of the audit log, filtered by member, entity and days (UTC). */
@Controller
class AuditPages {

	private final AuditLog log;

	AuditPages(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/staff/admin/audit")
	String audit(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Model model) {
		model.addAttribute("actor", actor == null ? "" : actor);
		model.addAttribute("target", target == null ? "" : target);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		try {
			model.addAttribute("entries", this.log.read(null, actor, target, from == null ? null : start(from),
					to == null ? null : start(to.plusDays(1)), 200));
		}
		catch (ServiceProblem problem) {
			model.addAttribute("problem", Problems.explain(problem).message());
			model.addAttribute("entries", java.util.List.of());
		}
		return "staff/audit";
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}

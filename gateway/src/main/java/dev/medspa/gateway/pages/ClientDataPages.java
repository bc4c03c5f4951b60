package dev.medspa.gateway.pages;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.medspa.gateway.clients.ClientDataExport;
import dev.medspa.gateway.services.ServiceProblem;
import dev.medspa.gateway.services.Services;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owners' page for a client's request about their data: send the client a code, then
 * with the code they read out, download everything held about them, or erase it.
 */
@Controller
class ClientDataPages {

	private static final String PAGE = "staff/clients";

	private final Services services;

	private final ClientDataExport export;

	ClientDataPages(Services services, ClientDataExport export) {
		this.services = services;
		this.export = export;
	}

	@GetMapping("/staff/admin/clients")
	String page() {
		return PAGE;
	}

	@PostMapping("/staff/admin/clients/code")
	String sendCode(@RequestParam String email, Model model) {
		model.addAttribute("email", email);
		try {
			this.services.sendEmailCode(email);
			model.addAttribute("done", "A code is on its way to " + email + ". Ask the client to read it to you.");
		}
		catch (ServiceProblem problem) {
			model.addAttribute("problem", Problems.summary(problem));
		}
		return PAGE;
	}

	@PostMapping("/staff/admin/clients/export")
	Object download(@RequestParam String email, @RequestParam String emailCode, @RequestParam String reason,
			Model model) {
		try {
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("client-data.json").build().toString())
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.export.export(null, request(email, emailCode, reason)));
		}
		catch (ServiceProblem problem) {
			model.addAttribute("email", email);
			model.addAttribute("problem",
					problem.is(ClientDataExport.SERVICE_UNAVAILABLE) ? problem.detail() : Problems.summary(problem));
			return PAGE;
		}
	}

	@PostMapping("/staff/admin/clients/erase")
	String erase(@RequestParam String email, @RequestParam String emailCode, @RequestParam String reason,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model) {
		model.addAttribute("email", email);
		if (!confirmed) {
			model.addAttribute("problem", "Tick the box to confirm: erasing cannot be undone.");
			return PAGE;
		}
		try {
			Map<String, Object> erased = this.services.clientData("booking", "erase", null,
					request(email, emailCode, reason));
			model.addAttribute("done", "Erased " + email + " from " + erased.get("erasedBookings")
					+ " bookings; the other services follow within moments.");
		}
		catch (ServiceProblem problem) {
			model.addAttribute("problem", problem.is("client-has-upcoming-bookings")
					? "This client has bookings still to come. Cancel them first (the client is told), then erase."
					: Problems.summary(problem));
		}
		return PAGE;
	}

	private static Map<String, Object> request(String email, String emailCode, String reason) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("email", email.strip());
		request.put("emailCode", emailCode.strip());
		request.put("reason", reason.strip());
		return request;
	}

}

package dev.medspa.gateway.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.medspa.gateway.services.ServiceProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors on pages become a page in the site's look with a plain message and a way on;
 * never a stack trace.
 */
@ControllerAdvice(basePackages = "dev.medspa.gateway.pages")
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	@ExceptionHandler({ PageNotFound.class, NoResourceFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Exception ex, Model model) {
		model.addAttribute("title", "Not found");
		model.addAttribute("message", ex instanceof PageNotFound ? ex.getMessage()
				: "There is no page at this address. It may have moved, or the link may be incomplete.");
		return "error-page";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badAddress(Model model) {
		model.addAttribute("title", "This address is not quite right");
		model.addAttribute("message", "Part of this address could not be read. Please start again from the home page.");
		return "error-page";
	}

	@ExceptionHandler(AccessDeniedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(Model model) {
		model.addAttribute("title", "Not available to your account");
		model.addAttribute("message", "Your account does not give access to this page.");
		return "error-page";
	}

	@ExceptionHandler(ServiceProblem.class)
	String problem(ServiceProblem problem, Model model, jakarta.servlet.http.HttpServletResponse response) {
		int status = problem.status() == 404 ? 404 : problem.status() == 403 || problem.status() == 401 ? 403 : 502;
		if (problem.status() < 500 && status == 502) {
			status = 409;
		}
		response.setStatus(status);
		model.addAttribute("title", status == 404 ? "Not found"
				: status == 403 ? "Not available to your account" : "This could not be done");
		model.addAttribute("message", status == 404 ? "We could not find this." : Problems.explain(problem).message());
		return "error-page";
	}

	/**
	 * Anything else: a request the page could not read (400), or a failure of ours (500).
	 */
	@ExceptionHandler(Exception.class)
	String unexpected(Exception ex, Model model, jakarta.servlet.http.HttpServletResponse response) {
		int status = ex instanceof org.springframework.web.ErrorResponse error ? error.getStatusCode().value() : 500;
		response.setStatus(status);
		if (status >= 500) {
			log.error("A page failed", ex);
		}
		model.addAttribute("title", status < 500 ? "This request was not complete" : "Something went wrong");
		model.addAttribute("message",
				status < 500
						? "Part of what the page sent was missing or unreadable. " + "Please go back and try again."
						: "This did not work, and nothing was changed. Please try again.");
		return "error-page";
	}

	@ExceptionHandler(ResourceAccessException.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String unavailable(ResourceAccessException ex, Model model) {
		log.warn("A service did not answer: {}", ex.getMessage());
		model.addAttribute("title", "Please try again in a moment");
		model.addAttribute("message",
				"Part of our booking system is not answering right now. Nothing was booked or changed.");
		return "error-page";
	}

}

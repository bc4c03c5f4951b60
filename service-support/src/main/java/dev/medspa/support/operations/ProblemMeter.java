package dev.medspa.support.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import dev.medspa.support.web.ProblemTypes;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Counts every refusal a service answers with, by problem type and status
 * ({@code medspa_problems_total{type="slot-taken",status="409"}}): conflicts, limits,
 * invalid input and the rest, as clients met them.
 */
@ControllerAdvice
public class ProblemMeter implements ResponseBodyAdvice<Object> {

	private final MeterRegistry registry;

	public ProblemMeter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			Counter.builder("medspa.problems")
				.description("Requests answered with a problem detail, by problem type and status")
				.tag("type", typeName(problem))
				.tag("status", String.valueOf(problem.getStatus()))
				.register(this.registry)
				.increment();
		}
		return body;
	}

	/** The type's last segment under the platform's base; anything else as "other". */
	static String typeName(ProblemDetail problem) {
		String type = problem.getType().toString();
		return type.startsWith(ProblemTypes.BASE) ? type.substring(ProblemTypes.BASE.length()) : "other";
	}

}

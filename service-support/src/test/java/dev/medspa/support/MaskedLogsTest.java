package dev.medspa.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.medspa.support.logging.MaskedJsonMembers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' logging configuration, as shipped, masks contact data in messages and in
 * the stack traces of exceptions, in JSON lines (the default) and in text lines alike;
 * JSON lines carry the trace id.
 */
class MaskedLogsTest {

	@ParameterizedTest
	@ValueSource(strings = { "json", "plain" })
	void theShippedConfigurationMasksAddressesAndPhoneNumbers(String format) throws Exception {
		MockEnvironment environment = new MockEnvironment().withProperty("medspa.logging.format", format)
			.withProperty("logging.structured.format.console", "ecs")
			.withProperty("logging.structured.json.customizer", MaskedJsonMembers.class.getName())
			.withProperty("spring.application.name", "masked-logs-test");
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		PrintStream console = System.out;
		LoggingSystem logging = new LogbackLoggingSystem(getClass().getClassLoader());
		System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
		try {
			// another test's Spring context may have set logging up in this JVM already
			logging.cleanUp();
			logging.beforeInitialize();
			logging.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);
			MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
			LoggerFactory.getLogger("dev.medspa.test")
				.warn("Mail to {} (phone {}) refused", "ana.gomez@example.com", "+1 925 555 0199",
						new IllegalStateException("550 <ana.gomez@example.com> unknown"));
		}
		finally {
			MDC.clear();
			logging.cleanUp();
			System.setOut(console);
		}
		String log = written.toString(StandardCharsets.UTF_8);
		assertThat(log).contains("Mail to a***@example.com (phone ***99) refused")
			.contains("IllegalStateException: 550 <a***@example.com> unknown")
			.doesNotContain("ana.gomez")
			.doesNotContain("555 0199");
		if (format.equals("json")) {
			assertThat(log.lines().filter(line -> line.contains("Mail to"))).singleElement()
				.satisfies(line -> assertThat(line).startsWith("{\"@timestamp\"")
					.contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\""));
		}
	}

}

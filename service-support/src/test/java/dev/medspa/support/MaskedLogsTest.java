package dev.medspa.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' logging configuration, as shipped, masks contact data in messages and in
 * the stack traces of exceptions.
 */
class MaskedLogsTest {

	@Test
	void theShippedConfigurationMasksAddressesAndPhoneNumbers() throws Exception {
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		PrintStream console = System.out;
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
		System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
		try {
			JoranConfigurator configurator = new JoranConfigurator();
			configurator.setContext(context);
			configurator.doConfigure(MaskedLogsTest.class.getResource("/logback-spring.xml"));
			context.getLogger("dev.medspa.test")
				.warn("Mail to {} (phone {}) refused", "ana.gomez@example.com", "+1 925 555 0199",
						new IllegalStateException("550 <ana.gomez@example.com> unknown"));
		}
		finally {
			context.stop();
			System.setOut(console);
		}
		String log = written.toString(StandardCharsets.UTF_8);
		assertThat(log).contains("Mail to a***@example.com (phone ***99) refused")
			.contains("IllegalStateException: 550 <a***@example.com> unknown")
			.doesNotContain("ana.gomez")
			.doesNotContain("555 0199");
	}

}

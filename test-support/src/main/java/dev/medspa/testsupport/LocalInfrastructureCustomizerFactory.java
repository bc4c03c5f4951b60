package dev.medspa.testsupport;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Points a test's context at the shared infrastructure, under names of its own. */
class LocalInfrastructureCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (TestContextAnnotationUtils.hasAnnotation(testClass, LocalInfrastructure.class)) {
			return new Customizer(testClass.getSimpleName(), testClass);
		}
		if (TestContextAnnotationUtils.hasAnnotation(testClass, SharedLocalInfrastructure.class)) {
			return new Customizer("shared", null);
		}
		return null;
	}

	/**
	 * Equal only for the same test class when {@code owner} is set, so no two isolated
	 * classes share a context and its names; equal for every shared class otherwise. The
	 * names are drawn when a context is made, so two contexts never share them either.
	 */
	private record Customizer(String label, Class<?> owner) implements ContextCustomizer {

		@Override
		public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
				org.springframework.test.context.MergedContextConfiguration mergedConfig) {
			SharedInfrastructure infrastructure = SharedInfrastructure.get();
			String name = isolatedName(this.label);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("localInfrastructure",
						Map.of("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
								"spring.mongodb.uri", infrastructure.mongoConnectionString() + "/" + name,
								"spring.mongodb.database", name, "medspa.kafka.topic-prefix", name + ".",
								"spring.kafka.consumer.group-id", name, "spring.mail.host", "127.0.0.1",
								"spring.mail.port", String.valueOf(infrastructure.mail().smtpPort()))));
		}

		private static String isolatedName(String label) {
			String simple = label.toLowerCase(Locale.ROOT);
			return "t_" + simple.substring(0, Math.min(simple.length(), 30)) + "_"
					+ Long.toHexString(System.nanoTime() & 0xffffffffL);
		}

	}

}

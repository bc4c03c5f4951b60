package dev.medspa.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code medspa-defaults.properties} behind everything else (a service's
 * {@code application.yml}, the environment and the command line override it) before any
 * configuration is read, so that conditions see the shared defaults too: which actuator
 * endpoints exist is decided while configuration classes are parsed, before an
 * {@code @PropertySource} would be added.
 */
public class SharedDefaults implements EnvironmentPostProcessor {

	static final String NAME = "medspa-defaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(NAME)) {
			return;
		}
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(NAME, new ClassPathResource("medspa-defaults.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The shared defaults cannot be read", ex);
		}
	}

}

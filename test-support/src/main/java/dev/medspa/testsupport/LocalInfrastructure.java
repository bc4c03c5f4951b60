package dev.medspa.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring Boot test against the shared real infrastructure of this JVM
 * ({@link SharedInfrastructure}). Each test class gets its own MongoDB database, its own
 * topic prefix and its own consumer group, so classes never see each other's data or
 * events.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(LocalInfrastructureCustomizerFactory.class)
public @interface LocalInfrastructure {

}

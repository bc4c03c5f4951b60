package dev.medspa.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring Boot test against the shared real infrastructure of this JVM
 * ({@link SharedInfrastructure}). Each test class gets its own MongoDB database, its own
 * topic prefix and its own consumer group, so classes never see each other's data or
 * events. That makes each class's application context its own, never reused by another
 * class, so it is closed when its class ends ({@link DirtiesContext}) rather than kept in
 * the context cache with its consumers and schedulers running beside the next classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(LocalInfrastructureCustomizerFactory.class)
@DirtiesContext
public @interface LocalInfrastructure {

}

package dev.medspa.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Like {@link LocalInfrastructure}, but the application context is shared: every test
 * class of a module that carries this annotation and otherwise asks for the same
 * configuration (no own properties, no own beans) gets one cached context, with one
 * database, topic prefix and consumer group between them. Use it for classes whose data
 * cannot meet: each creates its own locations, clients and bookings and never counts what
 * it did not make. A class that changes the configuration still gets a context of its
 * own, as Spring's context cache always does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(LocalInfrastructureCustomizerFactory.class)
public @interface SharedLocalInfrastructure {

}

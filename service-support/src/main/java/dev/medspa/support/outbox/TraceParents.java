package dev.medspa.support.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across the outbox: the W3C {@code traceparent} of the change is stored
 * with its event, and the relay, on another thread and maybe after a restart, publishes
 * the event inside an observation that continues that trace. Kafka's own observation then
 * puts the context in the record's headers, beside the CloudEvents ones.
 */
final class TraceParents {

	static final String HEADER = "traceparent";

	private TraceParents() {
	}

	/** The current span's {@code traceparent}, or null when nothing is traced. */
	static Supplier<@Nullable String> current(Tracer tracer, Propagator propagator) {
		return () -> {
			TraceContext context = tracer.currentTraceContext().context();
			if (context == null) {
				return null;
			}
			Map<String, String> carrier = new HashMap<>();
			propagator.inject(context, carrier, Map::put);
			return carrier.get(HEADER);
		};
	}

	/** Runs the work inside an observation that continues the stored trace, if any. */
	static <T> T continuing(ObservationRegistry registry, @Nullable String traceparent, String eventType,
			Supplier<T> work) {
		if (traceparent == null || registry.isNoop()) {
			return work.get();
		}
		ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
		context.setCarrier(Map.of(HEADER, traceparent));
		context.setRemoteServiceName("outbox");
		return Observation.createNotStarted("medspa.outbox.publish", () -> context, registry)
			.contextualName("outbox publish " + eventType)
			.lowCardinalityKeyValue("event.type", eventType)
			.observe(work);
	}

}

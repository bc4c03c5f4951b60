package dev.medspa.support.outbox;

/**
 * A collection whose documents carry an embedded {@code outbox} array of
 * {@link OutboxMessage}s. Declare one bean per such collection and the relay publishes
 * what they hold.
 */
public record OutboxCollection(String name) {

	/** The field of a document that holds its pending messages. */
	public static final String FIELD = "outbox";

}

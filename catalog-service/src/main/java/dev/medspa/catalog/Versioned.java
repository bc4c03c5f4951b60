package dev.medspa.catalog;

import java.util.List;

import dev.medspa.support.outbox.OutboxMessage;

/**
 * A catalog entity: an id, a version raised by every change, and the events of its
 * changes that wait in its document until the relay has published them. The newest
 * pending event is the last.
 */
public interface Versioned {

	String id();

	long version();

	List<OutboxMessage> outbox();

}

package dev.medspa.support.messaging;

/**
 * A record that is fine, but needs data another topic has not delivered yet (a booking
 * naming a treatment the catalog copy does not know yet). Such a record is retried far
 * longer than an ordinary failure before it goes to the dead-letter topic, since the data
 * usually arrives within seconds and dead-lettering would lose the record's effect.
 */
public abstract class AwaitedDataMissing extends RuntimeException {

	protected AwaitedDataMissing(String message) {
		super(message);
	}

}

package dev.medspa.support.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.medspa.support.privacy.Pii;

/** {@code %m}: the message, with e-mail addresses and phone numbers masked. */
public class MaskedMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return Pii.mask(super.convert(event));
	}

}

package dev.medspa.support.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.medspa.support.privacy.Pii;

/** {@code %ex}: logback's stack trace, with contact data masked. */
public class MaskedPlainThrowableConverter extends ThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy proxy) {
		return Pii.mask(super.throwableProxyToString(proxy));
	}

}

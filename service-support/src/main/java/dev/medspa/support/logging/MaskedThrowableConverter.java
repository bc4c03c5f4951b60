package dev.medspa.support.logging;

import dev.medspa.support.privacy.Pii;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * {@code %wEx}: Spring Boot's stack trace, with e-mail addresses and phone numbers in
 * exception messages masked (a mail server's refusal names the address).
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(ch.qos.logback.classic.spi.IThrowableProxy proxy) {
		return Pii.mask(super.throwableProxyToString(proxy));
	}

}

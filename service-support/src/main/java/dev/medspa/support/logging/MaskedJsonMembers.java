package dev.medspa.support.logging;

import dev.medspa.support.privacy.Pii;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks e-mail addresses and phone numbers in every string value of a structured log line
 * (the message, the stack trace, MDC values), as the text layout's converters do.
 */
public class MaskedJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Pii::mask));
	}

}

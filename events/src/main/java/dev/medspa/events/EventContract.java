package dev.medspa.events;

/**
 * What a consumer needs to read an event without binding to the producer's class names:
 * the logical type carried in the {@code ce_type} header, the topic, the schema version
 * and the record that holds the payload.
 *
 * @param <T> the payload record
 * @param type the CloudEvents type, stable across renames of the Java class
 * @param topic the topic the event travels on, without any deployment prefix
 * @param schemaVersion the version of the payload's schema; readers accept older versions
 * @param payloadType the record a consumer reads the payload into
 */
public record EventContract<T>(String type, String topic, int schemaVersion, Class<T> payloadType) {

}

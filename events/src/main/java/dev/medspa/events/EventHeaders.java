package dev.medspa.events;

/**
 * Kafka header names of the event envelope, after the CloudEvents Kafka binding (binary
 * mode): the payload is the event's data as JSON, its attributes travel as {@code ce_}
 * headers.
 */
public final class EventHeaders {

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String TIME = "ce_time";

	public static final String SPEC_VERSION = "ce_specversion";

	/**
	 * The subject: the id of the aggregate the event is about, equal to the record key.
	 */
	public static final String SUBJECT = "ce_subject";

	/** Extension attribute: the schema version of the payload. */
	public static final String SCHEMA_VERSION = "ce_schemaversion";

	public static final String CONTENT_TYPE = "content-type";

	public static final String CLOUDEVENTS_SPEC_VERSION = "1.0";

	public static final String JSON = "application/json";

	private EventHeaders() {
	}

}

package dev.medspa.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.events.BookingId;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.LocationId;
import dev.medspa.events.PractitionerId;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.booking.BookingEvent;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.intake.IntakeStatusChanged;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.events.prepaid.PackageEvent;
import dev.medspa.events.waitlist.WaitlistEvent;
import dev.medspa.support.messaging.EventJson;
import dev.medspa.support.messaging.TopicNames;
import dev.medspa.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Catalog and booking events as the other services publish them, and mail as it arrives.
 */
final class PipelineFixtures {

	static final String MICRONEEDLING = "microneedling";

	static final String WALNUT_CREEK = "walnut-creek";

	static final String SCOTTSDALE = "scottsdale";

	private final KafkaTemplate<String, String> kafka;

	private final TopicNames topics;

	PipelineFixtures(KafkaTemplate<String, String> kafka, TopicNames topics) {
		this.kafka = kafka;
		this.topics = topics;
	}

	void publishCatalog() {
		state(this.topics.treatments(), MICRONEEDLING, EventContracts.TREATMENT_STATE.type(), treatment(MICRONEEDLING));
		state(this.topics.locations(), WALNUT_CREEK, EventContracts.LOCATION_STATE.type(),
				location(WALNUT_CREEK, "Walnut Creek", "America/Los_Angeles"));
		state(this.topics.locations(), SCOTTSDALE, EventContracts.LOCATION_STATE.type(),
				location(SCOTTSDALE, "Scottsdale", "America/Phoenix"));
	}

	/** Micro-needling, with its aftercare timeline and series, under the given id. */
	static TreatmentState treatment(String id) {
		return new TreatmentState(new TreatmentId(id), id, "Micro-needling", "skin-rejuvenation", "",
				Duration.ofMinutes(60), Duration.ofMinutes(20), Duration.ofMinutes(10), new BigDecimal("350.00"), "USD",
				"treatment-room", "microneedling", null,
				new TreatmentState.SeriesRule(3, Period.ofWeeks(4), Period.ofWeeks(6)),
				List.of(new TreatmentState.AftercareStep("guide", Duration.ZERO,
						"Your aftercare guide: cleanse gently."),
						new TreatmentState.AftercareStep("makeup-ok", Duration.ofHours(24), "Makeup is fine again."),
						new TreatmentState.AftercareStep("products-ok", Duration.ofHours(72),
								"Your regular products may return."),
						new TreatmentState.AftercareStep("week-check-in", Duration.ofDays(7),
								"The sun-protection week is over. How does your skin feel?")),
				true, 1, "Avoid retinoids for three days before.");
	}

	static LocationState location(String id, String name, String zone) {
		return new LocationState(new LocationId(id), id, name,
				new LocationState.Address("1480 Locust Street", name, "CA", "94596", "US"), "+1 925 555 0140", zone,
				List.of(), List.of(), true, 1, List.of());
	}

	static BookingConfirmed confirmed(String bookingId, String email, @Nullable String phone, Instant start,
			Instant confirmedAt) {
		return new BookingConfirmed(new BookingId(bookingId), 1, new TreatmentId(MICRONEEDLING),
				new LocationId(WALNUT_CREEK), start, start.plus(Duration.ofMinutes(60)),
				new BookingConfirmed.ClientContact("Ana Gomez", email, phone, phone != null), confirmedAt,
				new PractitionerId("maya-chen"), "manage-" + bookingId);
	}

	/**
	 * Session {@code session} (from 1) of a course booked in one go, as its event comes.
	 */
	static BookingConfirmed sessionConfirmed(String seriesId, List<String> sessions, int session, String email,
			Instant start, Instant confirmedAt) {
		String bookingId = sessions.get(session - 1);
		return new BookingConfirmed(new BookingId(bookingId), 1, new TreatmentId(MICRONEEDLING),
				new LocationId(WALNUT_CREEK), start, start.plus(Duration.ofMinutes(60)),
				new BookingConfirmed.ClientContact("Ana Gomez", email, null, false), confirmedAt,
				new PractitionerId("maya-chen"), null,
				new BookingConfirmed.SeriesSession(seriesId, session, sessions.stream().map(BookingId::new).toList()));
	}

	/** The practitioner the fixtures' bookings name, as the catalog publishes them. */
	void publishPractitioner() {
		state(this.topics.practitioners(), "maya-chen", EventContracts.PRACTITIONER_STATE.type(),
				new PractitionerState(new PractitionerId("maya-chen"), "Maya Chen", "aesthetician",
						List.of("microneedling"), List.of(new LocationId(WALNUT_CREEK)), true, 1));
	}

	/** A mail sender to an SMTP server on loopback, quick to give up on a silent one. */
	static org.springframework.mail.javamail.JavaMailSender mailSenderTo(int port) {
		org.springframework.mail.javamail.JavaMailSenderImpl sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
		return sender;
	}

	static String newEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID() + "@example.com";
	}

	void publish(BookingEvent event) {
		publish(event, UUID.randomUUID().toString());
	}

	void publish(BookingEvent event, String eventId) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.bookingEvents(),
				event.bookingId().value(), EventJson.write(event));
		header(record, EventHeaders.TYPE, EventContracts.forPayload(event.getClass()).type());
		header(record, EventHeaders.ID, eventId);
		send(record);
	}

	/** A waitlist event as booking-service publishes it, keyed by the place. */
	void publish(WaitlistEvent event, String eventId) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.waitlistEvents(), event.entryId(),
				EventJson.write(event));
		header(record, EventHeaders.TYPE, EventContracts.forPayload(event.getClass()).type());
		header(record, EventHeaders.ID, eventId);
		send(record);
	}

	/** A package bought, as booking-service publishes it, keyed by the package. */
	void publish(PackageEvent event, String eventId) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.packageEvents(), event.packageId(),
				EventJson.write(event));
		header(record, EventHeaders.TYPE, EventContracts.forPayload(event.getClass()).type());
		header(record, EventHeaders.ID, eventId);
		send(record);
	}

	/**
	 * Where a booking's forms stand, as intake-service publishes it, keyed by booking.
	 */
	void publish(IntakeStatusChanged event, String eventId) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.intakeEvents(),
				event.bookingId().value(), EventJson.write(event));
		header(record, EventHeaders.TYPE, EventContracts.INTAKE_STATUS_CHANGED.type());
		header(record, EventHeaders.ID, eventId);
		send(record);
	}

	void state(String topic, String key, String type, Object state) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, EventJson.write(state));
		header(record, EventHeaders.TYPE, type);
		send(record);
	}

	void raw(String key, String type, String payload) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topics.bookingEvents(), key, payload);
		header(record, EventHeaders.TYPE, type);
		send(record);
	}

	private void send(ProducerRecord<String, String> record) {
		try {
			this.kafka.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	static List<MimeMessage> mailTo(String address) {
		return SharedInfrastructure.get().mail().receivedBy(address);
	}

	/** Every part of the given content type, as text, in the order of the message. */
	static List<String> parts(Part message, String contentType) {
		List<String> found = new ArrayList<>();
		collect(message, contentType, found);
		return found;
	}

	private static void collect(Part message, String contentType, List<String> found) {
		try {
			if (message.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) message.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i), contentType, found);
				}
			}
			else if (message.isMimeType(contentType)) {
				found.add(read(message));
			}
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first part of the given content type, as text. */
	static @Nullable String part(Part message, String contentType) {
		try {
			if (message.isMimeType(contentType) && !message.isMimeType("multipart/*")) {
				return read(message);
			}
			if (message.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) message.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					String found = part(body, contentType);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof String text) {
			return text;
		}
		try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			in.transferTo(out);
			return out.toString(StandardCharsets.UTF_8);
		}
	}

}

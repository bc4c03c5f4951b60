package dev.medspa.support.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import dev.medspa.events.EventContract;
import dev.medspa.events.EventContracts;
import dev.medspa.events.EventHeaders;
import dev.medspa.events.booking.BookingConfirmed;
import dev.medspa.events.catalog.LocationState;
import dev.medspa.events.catalog.PractitionerState;
import dev.medspa.events.catalog.TreatmentState;
import dev.medspa.events.prepaid.PackagePurchased;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Payloads as version 1 of each contract wrote them, kept as files: every later change of
 * the records must still read them. A consumer must also read a payload from a newer
 * producer that added fields.
 */
class EventContractsTest {

	@Test
	void bookingConfirmedV1StillReads() throws IOException {
		BookingConfirmed event = read("booking-confirmed-v1.json", EventContracts.BOOKING_CONFIRMED);
		assertThat(event.bookingId().value()).isEqualTo("0b7c6f1e-3d1a-4a55-9d8e-1f3f0f9c2a10");
		assertThat(event.start()).isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
		assertThat(event.client().phone()).isEqualTo("+1 925 555 0199");
	}

	@Test
	void treatmentStateV1StillReads() throws IOException {
		TreatmentState state = read("treatment-state-v1.json", EventContracts.TREATMENT_STATE);
		assertThat(state.occupiedTime()).isEqualTo(Duration.ofMinutes(90));
		assertThat(state.price()).isEqualByComparingTo(new BigDecimal("350"));
		assertThat(state.consultation().validFor()).isEqualTo(Period.ofMonths(6));
		assertThat(state.series().minimumSpacing()).isEqualTo(Period.ofDays(28));
		assertThat(state.aftercare()).extracting(TreatmentState.AftercareStep::offset)
			.containsExactly(Duration.ZERO, Duration.ofHours(24));
	}

	@Test
	void locationAndPractitionerStateV1StillRead() throws IOException {
		LocationState location = read("location-state-v1.json", EventContracts.LOCATION_STATE);
		assertThat(location.zoneId()).isEqualTo("America/Phoenix");
		assertThat(location.rooms()).singleElement().extracting(LocationState.Room::type).isEqualTo("treatment-room");
		PractitionerState practitioner = read("practitioner-state-v1.json", EventContracts.PRACTITIONER_STATE);
		assertThat(practitioner.locations()).extracting(l -> l.value()).containsExactly("scottsdale");
	}

	@Test
	void packagePurchasedV1StillReads() throws IOException {
		PackagePurchased event = read("package-purchased-v1.json", EventContracts.PACKAGE_PURCHASED);
		assertThat(event.treatmentId().value()).isEqualTo("microneedling");
		assertThat(event.price()).isEqualTo(90000);
		assertThat(event.client().email()).isEqualTo("ana@example.com");
		assertThat(event.client().phone()).isNull();
		assertThat(event.purchasedAt()).isEqualTo(Instant.parse("2026-12-01T17:55:12Z"));
	}

	@Test
	void fieldsAddedByANewerProducerAreIgnored() throws IOException {
		String newer = resource("booking-confirmed-v1.json").replaceFirst("\\{",
				"{\"channelPreference\":\"sms\",\"loyalty\":{\"tier\":\"gold\"},");
		BookingConfirmed event = EventJson.MAPPER.readValue(newer, BookingConfirmed.class);
		assertThat(event.bookingVersion()).isEqualTo(1);
	}

	@Test
	void whatIsWrittenReadsBackTheSame() throws IOException {
		TreatmentState state = read("treatment-state-v1.json", EventContracts.TREATMENT_STATE);
		assertThat(EventJson.MAPPER.readValue(EventJson.write(state), TreatmentState.class)).isEqualTo(state);
		assertThat(EventJson.write(state)).contains("\"duration\":\"PT45M\"").contains("\"validFor\":\"P6M\"");
	}

	@Test
	void theTypeHeaderChoosesThePayloadAndAnUnknownTypeIsRefused() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventHeaders.TYPE, EventContracts.LOCATION_STATE.type().getBytes(StandardCharsets.UTF_8));
		assertThat(EventJson.typeOf(new byte[0], headers).getRawClass()).isEqualTo(LocationState.class);
		RecordHeaders unknown = new RecordHeaders();
		unknown.add(EventHeaders.TYPE, "com.example.Unknown".getBytes(StandardCharsets.UTF_8));
		assertThatIllegalArgumentException().isThrownBy(() -> EventJson.typeOf(new byte[0], unknown));
		assertThatIllegalArgumentException().isThrownBy(() -> EventJson.typeOf(new byte[0], new RecordHeaders()));
	}

	@Test
	void everyContractHasAUniqueType() {
		assertThat(EventContracts.ALL).extracting(EventContract::type).doesNotHaveDuplicates();
		assertThat(EventContracts.ALL)
			.allSatisfy(contract -> assertThat(EventContracts.forType(contract.type())).contains(contract));
	}

	private static <T> T read(String file, EventContract<T> contract) throws IOException {
		return EventJson.MAPPER.readValue(resource(file), contract.payloadType());
	}

	private static String resource(String file) throws IOException {
		try (InputStream in = EventContractsTest.class.getResourceAsStream("/contracts/" + file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

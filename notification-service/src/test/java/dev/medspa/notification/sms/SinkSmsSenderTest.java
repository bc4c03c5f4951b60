package dev.medspa.notification.sms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.medspa.notification.sms.SmsSender.Sms;
import dev.medspa.notification.sms.SmsSender.SmsRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SinkSmsSenderTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T16:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path temp;

	@Test
	void appendsOneJsonLinePerMessageInANewDirectory() throws Exception {
		Path directory = this.temp.resolve("not/yet/there");
		SinkSmsSender sink = new SinkSmsSender(directory, "1", CLOCK);
		sink.send(new Sms("b-1:reminder:v1", "(925) 555-0199", "See you tomorrow"));
		sink.send(new Sms("b-2:reminder:v1", "+44 20 7946 0958", "See you \"soon\"\nBye"));
		List<String> lines = Files.readAllLines(directory.resolve("sms.jsonl"));
		assertThat(lines).hasSize(2);
		JsonNode first = JsonMapper.builder().build().readTree(lines.get(0));
		assertThat(first.get("id").asString()).isEqualTo("b-1:reminder:v1");
		assertThat(first.get("to").asString()).isEqualTo("+19255550199");
		assertThat(first.get("text").asString()).isEqualTo("See you tomorrow");
		assertThat(first.get("at").asString()).isEqualTo("2026-05-04T16:00:00Z");
		assertThat(sink.recorded()).containsExactly(new Sms("b-1:reminder:v1", "+19255550199", "See you tomorrow"),
				new Sms("b-2:reminder:v1", "+442079460958", "See you \"soon\"\nBye"));
	}

	@Test
	void recordsARedeliveryAgain() {
		SinkSmsSender sink = new SinkSmsSender(this.temp, "1", CLOCK);
		Sms sms = new Sms("b-1:reminder:v1", "9255550199", "See you tomorrow");
		sink.send(sms);
		sink.send(sms);
		assertThat(sink.recorded()).hasSize(2).allMatch((recorded) -> recorded.id().equals("b-1:reminder:v1"));
	}

	@Test
	void recordsNothingBeforeTheFirstMessage() {
		assertThat(new SinkSmsSender(this.temp.resolve("empty"), "1", CLOCK).recorded()).isEmpty();
	}

	@Test
	void refusesWhatAProviderWouldRefuse() {
		SinkSmsSender sink = new SinkSmsSender(this.temp, "1", CLOCK);
		assertThatExceptionOfType(SmsRejected.class).isThrownBy(() -> sink.send(new Sms("b-1", "555-01", "Hi")));
		assertThat(sink.recorded()).isEmpty();
	}

	@Test
	void keepsConcurrentMessagesOnLinesOfTheirOwn() throws Exception {
		SinkSmsSender sink = new SinkSmsSender(this.temp, "1", CLOCK);
		String text = "x".repeat(2_000);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				Sms sms = new Sms("m-" + i, "925 555 0199", text);
				sent.add(threads.submit(() -> sink.send(sms)));
			}
			for (Future<?> future : sent) {
				future.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(sink.recorded()).hasSize(50).allMatch((sms) -> sms.text().equals(text));
	}

}

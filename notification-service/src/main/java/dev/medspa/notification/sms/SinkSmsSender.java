package dev.medspa.notification.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records each message as one JSON line in {@code sms.jsonl} instead of sending it, so
 * development and tests can see what a client would have received without a provider
 * account. Numbers are normalised as for a real provider, so a number that would be
 * refused is refused here too. Every call is written, redeliveries included: exactly once
 * is the caller's job, and the file shows whether it did it.
 */
public class SinkSmsSender implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(SinkSmsSender.class);

	private static final String FILE_NAME = "sms.jsonl";

	private final JsonMapper json = JsonMapper.builder().build();

	private final ReentrantLock lock = new ReentrantLock();

	private final Path directory;

	private final Path file;

	private final String defaultCountryCode;

	private final Clock clock;

	public SinkSmsSender(Path directory, String defaultCountryCode, Clock clock) {
		this.directory = directory;
		this.file = directory.resolve(FILE_NAME);
		this.defaultCountryCode = defaultCountryCode;
		this.clock = clock;
	}

	@Override
	public void send(Sms sms) {
		String to = PhoneNumbers.toE164(sms.to(), this.defaultCountryCode);
		Line line = new Line(sms.id(), to, sms.text(), this.clock.instant().toString());
		// one write per line under the lock, so concurrent messages never interleave
		byte[] bytes = (this.json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
		this.lock.lock();
		try {
			Files.createDirectories(this.directory);
			Files.write(this.file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new SmsUnavailable("Cannot record SMS " + sms.id() + " in " + this.file, ex);
		}
		finally {
			this.lock.unlock();
		}
		log.info("SMS {} to {} recorded in {}", sms.id(), PhoneNumbers.masked(to), this.file);
	}

	/**
	 * What was recorded so far, oldest first, with numbers in E.164 form.
	 */
	public List<Sms> recorded() {
		List<String> lines;
		this.lock.lock();
		try {
			if (!Files.exists(this.file)) {
				return List.of();
			}
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + this.file, ex);
		}
		finally {
			this.lock.unlock();
		}
		return lines.stream()
			.filter((text) -> !text.isBlank())
			.map((text) -> this.json.readValue(text, Line.class))
			.map((line) -> new Sms(line.id(), line.to(), line.text()))
			.toList();
	}

	/** The file this sink appends to. */
	public Path file() {
		return this.file;
	}

	record Line(String id, String to, String text, String at) {
	}

}

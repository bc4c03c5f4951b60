package dev.medspa.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.medspa.infrastructure.MailServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies every message the SMTP server receives into a folder as an {@code .eml} file,
 * which any mail program opens, and says so on the console. The files outlive the
 * platform; the numbering goes on after a restart.
 */
final class MailArchive implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MailArchive.class);

	private final MailServer server;

	private final Path folder;

	private final ScheduledExecutorService poller;

	private int archived;

	private int next;

	MailArchive(MailServer server, Path folder) {
		this.server = server;
		this.folder = folder;
		try {
			Files.createDirectories(folder);
			try (Stream<Path> existing = Files.list(folder)) {
				this.next = (int) existing.filter(path -> path.toString().endsWith(".eml")).count() + 1;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "mail-archive");
			thread.setDaemon(true);
			return thread;
		});
		this.poller.scheduleWithFixedDelay(this::archiveNew, 500, 500, TimeUnit.MILLISECONDS);
	}

	private synchronized void archiveNew() {
		List<MimeMessage> received = this.server.received();
		for (MimeMessage message : received.subList(this.archived, received.size())) {
			try {
				String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
				Path file = this.folder.resolve("%04d-%s.eml".formatted(this.next++, to.replaceAll("[^\\w.@-]", "_")));
				try (OutputStream out = Files.newOutputStream(file)) {
					message.writeTo(out);
				}
				log.info("Mail to {}: \"{}\" -> {}", to, message.getSubject(), file);
			}
			catch (IOException | MessagingException ex) {
				log.warn("Could not archive a received message: {}", ex.toString());
			}
			this.archived++;
		}
	}

	@Override
	public void close() {
		this.poller.shutdown();
		archiveNew();
	}

}

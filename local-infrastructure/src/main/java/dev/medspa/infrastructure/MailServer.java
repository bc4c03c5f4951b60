package dev.medspa.infrastructure;

import java.util.List;
import java.util.function.Consumer;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server that accepts every message and keeps it (GreenMail), with IMAP to read
 * it back. Any user name and password are accepted.
 */
public final class MailServer implements AutoCloseable {

	private final GreenMail greenMail;

	private MailServer(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	/**
	 * @param smtpPort the SMTP port on 127.0.0.1, 0 for a free one
	 * @param imapPort the IMAP port on 127.0.0.1, 0 for a free one
	 */
	public static MailServer start(int smtpPort, int imapPort) {
		ServerSetup smtp = new ServerSetup(smtpPort == 0 ? FreePort.find() : smtpPort, "127.0.0.1",
				ServerSetup.PROTOCOL_SMTP);
		ServerSetup imap = new ServerSetup(imapPort == 0 ? FreePort.find() : imapPort, "127.0.0.1",
				ServerSetup.PROTOCOL_IMAP);
		GreenMail greenMail = new GreenMail(new ServerSetup[] { smtp, imap });
		greenMail.setUser("clinic", "clinic");
		greenMail.start();
		return new MailServer(greenMail);
	}

	public int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	public int imapPort() {
		return this.greenMail.getImap().getPort();
	}

	/** Every message received so far, oldest first. */
	public List<MimeMessage> received() {
		return List.of(this.greenMail.getReceivedMessages());
	}

	/** The messages received so far whose first recipient is the given address. */
	public List<MimeMessage> receivedBy(String address) {
		return received().stream().filter(message -> {
			try {
				Address[] to = message.getRecipients(Message.RecipientType.TO);
				return to != null && to.length > 0 && to[0].toString().equals(address);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException("Unreadable message", ex);
			}
		}).toList();
	}

	/**
	 * From now on, tells the listener each recipient's address as a message for them is
	 * accepted, and files every message in one mailbox that {@link #purge()} empties: a
	 * load test can then time hundreds of thousands of messages without a mailbox per
	 * recipient filling the heap.
	 */
	public void timeDeliveries(Consumer<String> listener) {
		UserManager users = this.greenMail.getUserManager();
		try {
			GreenMailUser sink = users.createUser("load-sink@localhost", "load-sink", "load-sink");
			users.setMessageDeliveryHandler((message, address) -> {
				listener.accept(address.getEmail());
				return sink;
			});
		}
		catch (UserException ex) {
			throw new IllegalStateException("Cannot make the load mailbox", ex);
		}
	}

	/** Deletes every message received so far. */
	public void purge() {
		try {
			this.greenMail.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException("Cannot empty the mailboxes", ex);
		}
	}

	@Override
	public void close() {
		this.greenMail.stop();
	}

}

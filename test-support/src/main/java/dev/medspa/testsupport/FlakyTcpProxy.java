package dev.medspa.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that can fail on purpose, to prove that a client retries a
 * transient failure against a real server: point the client at {@link #port()}, call
 * {@link #dropNext(int)}, and the next connections are closed as soon as they are
 * accepted, as a server that is down or restarting would look, while later ones reach the
 * target unchanged.
 */
public final class FlakyTcpProxy implements AutoCloseable {

	private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

	private static final int BUFFER_SIZE = 8_192;

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final ExecutorService threads;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicInteger toDrop = new AtomicInteger();

	private final AtomicInteger dropped = new AtomicInteger();

	private volatile boolean closed;

	private FlakyTcpProxy(ServerSocket server, InetSocketAddress target) {
		this.server = server;
		this.target = target;
		this.threads = Executors.newCachedThreadPool(daemonThreads("flaky-tcp-proxy-" + server.getLocalPort()));
		this.threads.execute(this::accept);
	}

	/**
	 * Starts listening on a free port of 127.0.0.1 and forwards every connection to the
	 * target, which is contacted only when a connection arrives.
	 */
	public static FlakyTcpProxy to(String host, int port) {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
			return new FlakyTcpProxy(server, InetSocketAddress.createUnresolved(host, port));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on 127.0.0.1", ex);
		}
	}

	/** The port to connect to instead of the target's. */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Closes the next connections as soon as they are accepted, without contacting the
	 * target; adds to any drops still pending.
	 * @param connections how many
	 */
	public void dropNext(int connections) {
		if (connections < 0) {
			throw new IllegalArgumentException("connections must not be negative");
		}
		this.toDrop.addAndGet(connections);
	}

	/** How many connections were dropped on purpose so far. */
	public int dropped() {
		return this.dropped.get();
	}

	/** Stops listening and cuts every open connection. */
	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.server);
		this.sockets.forEach(FlakyTcpProxy::closeQuietly);
		this.threads.shutdownNow();
	}

	private void accept() {
		while (!this.closed) {
			Socket client;
			try {
				client = this.server.accept();
			}
			catch (IOException ex) {
				// closed, or a failed accept: stop either way, the test sees no
				// forwarding
				return;
			}
			if (this.toDrop.getAndUpdate((n) -> (n > 0) ? n - 1 : 0) > 0) {
				this.dropped.incrementAndGet();
				closeQuietly(client);
				continue;
			}
			this.sockets.add(client);
			this.threads.execute(() -> forward(client));
		}
	}

	private void forward(Socket client) {
		Socket upstream = new Socket();
		this.sockets.add(upstream);
		try {
			upstream.connect(new InetSocketAddress(this.target.getHostString(), this.target.getPort()),
					CONNECT_TIMEOUT_MILLIS);
		}
		catch (IOException ex) {
			// the target is down: the client sees what it would see from the target
			// itself
			closeBoth(client, upstream);
			return;
		}
		if (this.closed) {
			// close() ran while this connection was being set up
			closeBoth(client, upstream);
			return;
		}
		// both directions run until their end-of-stream; the last one to finish closes
		// both
		AtomicInteger running = new AtomicInteger(2);
		this.threads.execute(() -> pump(client, upstream, client, upstream, running));
		pump(upstream, client, client, upstream, running);
	}

	/**
	 * Copies bytes from one socket to the other as they arrive. An end-of-stream is
	 * passed on as a half-close, so a client that shuts its output still gets the answer.
	 */
	private void pump(Socket from, Socket to, Socket client, Socket upstream, AtomicInteger running) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[BUFFER_SIZE];
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException ex) {
			closeBoth(client, upstream);
		}
		finally {
			if (running.decrementAndGet() == 0) {
				closeBoth(client, upstream);
			}
		}
	}

	private void closeBoth(Socket client, Socket upstream) {
		closeQuietly(client);
		closeQuietly(upstream);
		this.sockets.remove(client);
		this.sockets.remove(upstream);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// nothing left to do with it
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}

package dev.medspa.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlakyTcpProxyTest {

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final AtomicInteger echoed = new AtomicInteger();

	private ServerSocket echo;

	@BeforeEach
	void startEchoServer() throws IOException {
		this.echo = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		this.threads.execute(() -> {
			while (!this.echo.isClosed()) {
				try {
					Socket socket = this.echo.accept();
					this.echoed.incrementAndGet();
					this.threads.execute(() -> echo(socket));
				}
				catch (IOException ex) {
					return;
				}
			}
		});
	}

	@AfterEach
	void stopEchoServer() throws IOException {
		this.echo.close();
		this.threads.shutdownNow();
	}

	@Test
	void forwardsBothWays() throws IOException {
		try (FlakyTcpProxy proxy = FlakyTcpProxy.to("127.0.0.1", this.echo.getLocalPort())) {
			assertThat(proxy.port()).isNotEqualTo(this.echo.getLocalPort());
			assertThat(roundTrip(proxy, "HELO clinic.example")).isEqualTo("HELO clinic.example");
			assertThat(roundTrip(proxy, "x".repeat(32_000))).isEqualTo("x".repeat(32_000));
			assertThat(proxy.dropped()).isZero();
		}
	}

	@Test
	void dropsTheNextConnectionThenForwardsAgain() throws IOException {
		try (FlakyTcpProxy proxy = FlakyTcpProxy.to("127.0.0.1", this.echo.getLocalPort())) {
			proxy.dropNext(1);
			assertThat(readsNothing(proxy)).isTrue();
			assertThat(proxy.dropped()).isEqualTo(1);
			assertThat(roundTrip(proxy, "EHLO clinic.example")).isEqualTo("EHLO clinic.example");
			assertThat(proxy.dropped()).isEqualTo(1);
			assertThat(this.echoed).hasValue(1);
		}
	}

	@Test
	void dropsAsManyAsAsked() throws IOException {
		try (FlakyTcpProxy proxy = FlakyTcpProxy.to("127.0.0.1", this.echo.getLocalPort())) {
			proxy.dropNext(2);
			assertThat(readsNothing(proxy)).isTrue();
			assertThat(readsNothing(proxy)).isTrue();
			assertThat(roundTrip(proxy, "QUIT")).isEqualTo("QUIT");
			assertThat(proxy.dropped()).isEqualTo(2);
		}
	}

	@Test
	void closingCutsOpenConnections() throws IOException {
		FlakyTcpProxy proxy = FlakyTcpProxy.to("127.0.0.1", this.echo.getLocalPort());
		try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
			socket.setSoTimeout(5_000);
			socket.getOutputStream().write('a');
			assertThat(socket.getInputStream().read()).isEqualTo('a');
			proxy.close();
			assertThat(endOfStreamOrReset(socket.getInputStream())).isTrue();
		}
	}

	/** Sends the text, half-closes, and reads until the other side closes. */
	private static String roundTrip(FlakyTcpProxy proxy, String text) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
			socket.setSoTimeout(5_000);
			socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
			socket.shutdownOutput();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static boolean readsNothing(FlakyTcpProxy proxy) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
			socket.setSoTimeout(5_000);
			return endOfStreamOrReset(socket.getInputStream());
		}
	}

	private static boolean endOfStreamOrReset(InputStream in) throws IOException {
		try {
			return in.read() == -1;
		}
		catch (SocketException ex) {
			return true;
		}
	}

	private static void echo(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			in.transferTo(out);
		}
		catch (IOException ex) {
			// the client went away
		}
	}

}

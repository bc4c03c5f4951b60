package dev.medspa.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks signatures with the Standard Webhooks reference library for JavaScript
 * ({@code standardwebhooks} from npm), run through Node: an implementation of the
 * specification that shares nothing with the platform's. The package is installed once
 * from the npm registry, at the version the lock file pins, under {@code target/}.
 */
final class StandardWebhooksVerifier {

	private static final Path SOURCES = Paths.get("src/test/node");

	private static final Path HOME = Paths.get("target/webhook-verifier");

	private StandardWebhooksVerifier() {
	}

	/**
	 * @return one line per delivery: {@code ok <id>} or {@code refused <id> <reason>}
	 */
	static List<String> verify(String secret, List<LoopbackReceiver.Received> deliveries) throws Exception {
		install();
		Process node = new ProcessBuilder("node", "verify.mjs").directory(HOME.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		JsonMapper json = JsonMapper.builder().build();
		try (OutputStream in = node.getOutputStream()) {
			for (LoopbackReceiver.Received delivery : deliveries) {
				String line = json.writeValueAsString(
						Map.of("secret", secret, "headers", delivery.headers(), "body", delivery.body()));
				in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			}
		}
		String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
			throw new IllegalStateException("The verifier failed: " + out);
		}
		return new ArrayList<>(out.lines().toList());
	}

	private static synchronized void install() throws IOException, InterruptedException {
		Assumptions.assumeTrue(onPath("node") && onPath("npm"),
				"Node.js and npm are needed for the independent signature check (.ci/run installs them)");
		Files.createDirectories(HOME);
		Files.copy(SOURCES.resolve("verify.mjs"), HOME.resolve("verify.mjs"), StandardCopyOption.REPLACE_EXISTING);
		if (Files.isDirectory(HOME.resolve("node_modules/standardwebhooks"))) {
			return;
		}
		for (String file : List.of("package.json", "package-lock.json")) {
			Files.copy(SOURCES.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--silent").directory(HOME.toFile())
			.redirectErrorStream(true)
			.start();
		String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
			throw new IllegalStateException("npm ci failed: " + out);
		}
	}

	private static boolean onPath(String command) {
		try {
			Process which = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
			which.getInputStream().readAllBytes();
			return which.waitFor(30, TimeUnit.SECONDS) && which.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

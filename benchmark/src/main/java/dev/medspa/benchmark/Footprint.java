package dev.medspa.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.medspa.platform.ServiceProcess;

/**
 * The Java heap each service holds, read with {@code jcmd} from the outside: in use as it
 * is, and what stays live after a full collection.
 */
final class Footprint {

	private static final Pattern USED = Pattern.compile("used (\\d+)K");

	private Footprint() {
	}

	/**
	 * Heap in MB by service name, in use and live after a full collection; the services
	 * are asked side by side.
	 */
	static Map<String, Heap> measure(List<ServiceProcess> services) {
		Map<String, Heap> heaps = new ConcurrentHashMap<>();
		services.parallelStream().forEach(service -> {
			double used = usedMegabytes(service.pid());
			jcmd(service.pid(), "GC.run");
			heaps.put(service.name(), new Heap(used, usedMegabytes(service.pid())));
		});
		Map<String, Heap> inOrder = new LinkedHashMap<>();
		services.forEach(service -> inOrder.put(service.name(), heaps.get(service.name())));
		return inOrder;
	}

	private static double usedMegabytes(long pid) {
		long kilobytes = 0;
		for (String line : jcmd(pid, "GC.heap_info").split("\n")) {
			if (line.contains("Metaspace") || line.contains("class space")) {
				continue;
			}
			Matcher used = USED.matcher(line);
			if (used.find()) {
				kilobytes += Long.parseLong(used.group(1));
			}
		}
		return kilobytes / 1024.0;
	}

	private static String jcmd(long pid, String command) {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		try {
			Process process = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + jcmd, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param usedMegabytes in use when asked
	 * @param liveMegabytes in use after a full collection
	 */
	record Heap(double usedMegabytes, double liveMegabytes) {
	}

}

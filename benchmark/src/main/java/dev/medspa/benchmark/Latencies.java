package dev.medspa.benchmark;

import java.util.Arrays;

/** Answer times of one measured step, in nanoseconds, sorted. */
final class Latencies {

	private final long[] sorted;

	Latencies(long[] nanos) {
		this.sorted = nanos.clone();
		Arrays.sort(this.sorted);
	}

	int count() {
		return this.sorted.length;
	}

	/** The given percentile (0 to 100) in milliseconds, NaN when nothing was measured. */
	double percentileMillis(double percentile) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percentile / 100 * this.sorted.length) - 1;
		return this.sorted[Math.max(0, Math.min(rank, this.sorted.length - 1))] / 1e6;
	}

	double p50() {
		return percentileMillis(50);
	}

	double p99() {
		return percentileMillis(99);
	}

	double maxMillis() {
		return percentileMillis(100);
	}

}

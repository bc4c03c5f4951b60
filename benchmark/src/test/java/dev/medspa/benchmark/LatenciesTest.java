package dev.medspa.benchmark;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

	@Test
	void percentilesAreNearestRankInMilliseconds() {
		Latencies latencies = new Latencies(LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray());

		assertThat(latencies.p50()).isEqualTo(50.0);
		assertThat(latencies.p99()).isEqualTo(99.0);
		assertThat(latencies.maxMillis()).isEqualTo(100.0);
	}

	@Test
	void nothingMeasuredIsNotANumberRatherThanZero() {
		assertThat(new Latencies(new long[0]).p50()).isNaN();
	}

	@Test
	void aClosedLoopRateCountsOnlyWhatSucceeded() {
		ClosedLoop.Result result = ClosedLoop.run(2, Duration.ofSeconds(10), 10, () -> 1_000_000);

		assertThat(result.latencies().count()).isEqualTo(10);
		assertThat(result.failures()).isZero();
	}

}

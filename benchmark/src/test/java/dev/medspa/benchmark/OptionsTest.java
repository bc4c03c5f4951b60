package dev.medspa.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTest {

	@Test
	void theDefaultsAreTheIssuesChainAndHistory() {
		Options options = Options.parse();

		assertThat(options.smoke()).isFalse();
		assertThat(options.locations()).isEqualTo(10);
		assertThat(options.practitioners()).isEqualTo(20);
		assertThat(options.historySteps()).containsExactly(1000, 100_000);
		assertThat(options.contenders()).isEqualTo(500);
		assertThat(options.pipelineRate()).isEqualTo(100);
		assertThat(options.pipelineDuration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.burst()).isEqualTo(5000);
		assertThat(options.burstLead()).isEqualTo(Duration.ofSeconds(120));
		assertThat(options.home()).isNull();
	}

	@Test
	void smokeIsSmallAndAnOptionStillWins() {
		Options options = Options.parse("--smoke", "--history", "50, 5", "--home", "/tmp/bench");

		assertThat(options.smoke()).isTrue();
		assertThat(options.locations()).isEqualTo(2);
		assertThat(options.bookingsPerStep()).isEqualTo(10);
		assertThat(options.burst()).isEqualTo(50);
		assertThat(options.historySteps()).isEqualTo(List.of(5, 50));
		assertThat(options.home()).isEqualTo(Path.of("/tmp/bench"));
	}

	@Test
	void anUnknownOptionOrABadNumberIsRefusedWithTheUsage() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--fast"))
			.withMessageContaining("--fast")
			.withMessageContaining("Usage");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--seconds", "0"))
			.withMessageContaining("positive");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--locations"))
			.withMessageContaining("missing value");
	}

}

package dev.medspa.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every contract has an example of its own payload record, and each example reads back
 * from its JSON unchanged, so the documentation never shows a payload a consumer could
 * not read.
 */
class EventExamplesTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyContractHasAnExampleThatReadsBackFromItsJson() {
		assertThat(EventContracts.ALL).allSatisfy(contract -> {
			Object example = EventExamples.of(contract);
			assertThat(example).isInstanceOf(contract.payloadType());
			String written = this.json.writeValueAsString(example);
			assertThat(this.json.readValue(written, contract.payloadType())).isEqualTo(example);
		});
	}

	@Test
	void aContractWithoutAnExampleIsNamed() {
		EventContract<String> unknown = new EventContract<>("dev.medspa.test.unknown", "test.v1", 1, String.class);
		assertThatIllegalArgumentException().isThrownBy(() -> EventExamples.of(unknown))
			.withMessageContaining("dev.medspa.test.unknown");
	}

}

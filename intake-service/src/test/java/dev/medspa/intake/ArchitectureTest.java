package dev.medspa.intake;

import dev.medspa.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	@Test
	void domainIsFreeOfInfrastructure() {
		ArchitectureRules.domainIsFreeOfInfrastructure("dev.medspa.intake")
			.check(ArchitectureRules.productionClasses("dev.medspa.intake"));
	}

	@Test
	void persistenceStaysInStores() {
		ArchitectureRules.persistenceStaysInStores("dev.medspa.intake")
			.check(ArchitectureRules.productionClasses("dev.medspa.intake"));
	}

}

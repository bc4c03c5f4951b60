package dev.medspa.booking;

import dev.medspa.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	@Test
	void domainIsFreeOfInfrastructure() {
		ArchitectureRules.domainIsFreeOfInfrastructure("dev.medspa.booking")
			.check(ArchitectureRules.productionClasses("dev.medspa.booking"));
	}

	@Test
	void persistenceStaysInStores() {
		ArchitectureRules.persistenceStaysInStores("dev.medspa.booking")
			.check(ArchitectureRules.productionClasses("dev.medspa.booking"));
	}

}

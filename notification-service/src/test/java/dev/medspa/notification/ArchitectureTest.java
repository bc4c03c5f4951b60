package dev.medspa.notification;

import dev.medspa.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	@Test
	void domainIsFreeOfInfrastructure() {
		ArchitectureRules.domainIsFreeOfInfrastructure("dev.medspa.notification")
			.check(ArchitectureRules.productionClasses("dev.medspa.notification"));
	}

	@Test
	void persistenceStaysInStores() {
		ArchitectureRules.persistenceStaysInStores("dev.medspa.notification")
			.check(ArchitectureRules.productionClasses("dev.medspa.notification"));
	}

}

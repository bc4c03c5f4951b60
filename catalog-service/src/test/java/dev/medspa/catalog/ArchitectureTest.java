package dev.medspa.catalog;

import dev.medspa.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

	@Test
	void domainIsFreeOfInfrastructure() {
		ArchitectureRules.domainIsFreeOfInfrastructure("dev.medspa.catalog")
			.check(ArchitectureRules.productionClasses("dev.medspa.catalog"));
	}

	@Test
	void persistenceStaysInStores() {
		ArchitectureRules.persistenceStaysInStores("dev.medspa.catalog")
			.check(ArchitectureRules.productionClasses("dev.medspa.catalog"));
	}

}

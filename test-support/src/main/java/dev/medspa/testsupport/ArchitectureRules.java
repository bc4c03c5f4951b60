package dev.medspa.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rule every service keeps: domain code does not touch Kafka, the MongoDB driver or
 * the web. Adapters live in {@code web}, {@code messaging} and {@code persistence}
 * packages of a feature.
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	public static JavaClasses productionClasses(String basePackage) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
	}

	public static ArchRule domainIsFreeOfInfrastructure(String basePackage) {
		return noClasses().that()
			.resideInAPackage(basePackage + "..")
			.and()
			.resideOutsideOfPackages("..web..", "..messaging..", "..persistence..", "..config..")
			.and()
			.haveSimpleNameNotEndingWith("Application")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "com.mongodb..", "org.bson..",
					"org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
			.as("domain classes of " + basePackage + " use no Kafka, MongoDB driver or web classes")
			.because("adapters belong in web, messaging and persistence packages (STYLE.md, rule 3)");
	}

}

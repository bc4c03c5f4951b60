package dev.medspa.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps: domain code does not touch Kafka, the MongoDB driver or
 * the web (adapters live in {@code web}, {@code messaging} and {@code persistence}
 * packages of a feature), and only stores query the database.
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	public static JavaClasses productionClasses(String basePackage) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
	}

	/**
	 * Queries and templates of Spring Data MongoDB stay in stores: classes marked
	 * {@code @Repository}, or adapters and configuration. Mapping annotations on stored
	 * documents ({@code @Document}, {@code @Indexed}) are allowed anywhere.
	 */
	public static ArchRule persistenceStaysInStores(String basePackage) {
		DescribedPredicate<JavaClass> springDataMongo = JavaClass.Predicates
			.resideInAPackage("org.springframework.data.mongodb..")
			.and(DescribedPredicate
				.not(JavaClass.Predicates.resideInAnyPackage("org.springframework.data.mongodb.core.mapping..",
						"org.springframework.data.mongodb.core.index..")))
			.as("Spring Data MongoDB templates and queries");
		return noClasses().that()
			.resideInAPackage(basePackage + "..")
			.and()
			.resideOutsideOfPackages("..persistence..", "..config..")
			.and()
			.areNotAnnotatedWith(Repository.class)
			.should()
			.dependOnClassesThat(springDataMongo)
			.as("only the stores of " + basePackage + " use MongoTemplate, queries and updates")
			.because("services and controllers load, call the domain and store through intention-named stores"
					+ " (STYLE.md, rule 18)");
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

package org.citymaas.security;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The security module's layers, its reach into tenant-core, and its vendor seams. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.citymaas.security");

    @Test
    void entitiesKnowNoLogicAndLogicKnowsNoBoundaryOfTheirModule() {
        noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.citymaas.security..control..", "org.citymaas.security..boundary..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.citymaas.security..boundary..")
                .check(classes);
    }

    @Test
    void reachesTenantCoreOnlyThroughItsPublicPackages() {
        classes()
                .should()
                .onlyDependOnClassesThat(not(resideInAPackage("org.citymaas.."))
                        .or(resideInAPackage("org.citymaas.security.."))
                        .or(resideInAnyPackage(
                                "org.citymaas.tenant..boundary..",
                                "org.citymaas.tenant..entity..",
                                "org.citymaas.tenant.errors..")))
                .check(classes);
    }

    @Test
    void keycloakOnlyInProvisioningHanlpOnlyInTheMaskingControls() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.citymaas.security.provisioning..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.keycloak..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("org.citymaas.security.masking.control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.hankcs..")
                .check(classes);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.hibernate..")
                .check(classes);
    }
}

package org.citymaas.billing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** billing's layers, its reach into tenant-core, and no vendor API. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.citymaas.billing");

    @Test
    void entitiesKnowNoLogicAndLogicKnowsNoBoundaryOfTheirModule() {
        noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.citymaas.billing..control..", "org.citymaas.billing..boundary..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.citymaas.billing..boundary..")
                .check(classes);
    }

    @Test
    void reachesTenantCoreOnlyThroughItsPublicPackages() {
        classes()
                .should()
                .onlyDependOnClassesThat(not(resideInAPackage("org.citymaas.."))
                        .or(resideInAPackage("org.citymaas.billing.."))
                        .or(resideInAnyPackage(
                                "org.citymaas.tenant..boundary..",
                                "org.citymaas.tenant..entity..",
                                "org.citymaas.tenant.errors..")))
                .check(classes);
    }

    @Test
    void usesNoVendorApi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.hibernate..", "org.keycloak..", "ai.djl..", "com.hankcs..")
                .check(classes);
    }
}

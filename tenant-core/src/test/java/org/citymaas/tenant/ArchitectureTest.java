package org.citymaas.tenant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** tenant-core's layers; it depends on no other CityMaaS module and on no vendor API. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.citymaas.tenant");

    @Test
    void entitiesKnowNoLogicAndLogicKnowsNoBoundaryOfTheirModule() {
        noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.citymaas.tenant..control..", "org.citymaas.tenant..boundary..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.citymaas.tenant..boundary..")
                .check(classes);
    }

    @Test
    void dependsOnNoOtherModule() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.citymaas.security..",
                        "org.citymaas.billing..",
                        "org.citymaas.runtime..",
                        "org.citymaas.portal..")
                .check(classes);
    }

    @Test
    void usesNoVendorApi() {
        // the tenant discriminator is mapped in the portal's configuration (orm.xml), not here
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.hibernate..", "org.keycloak..", "ai.djl..")
                .check(classes);
    }
}

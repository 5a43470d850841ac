package org.citymaas.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's seams, checked on its compiled classes: boundary-control-entity layering inside every business
 * component, DJL behind the engine seam and TensorFlow's Java API only in the engine and the trainers, no
 * Jakarta EE (a plain library), and nothing of the portal's other modules.
 */
class ArchitectureTest {

    /** Imported once: the compiled classes do not change between the rules. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.citymaas.runtime");

    @Test
    void entitiesDependOnNoControlOrBoundary() {
        noClasses()
                .that()
                .resideInAPackage("org.citymaas.runtime..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.citymaas.runtime..control..", "org.citymaas.runtime..boundary..")
                .check(CLASSES);
    }

    @Test
    void controlsDependOnNoBoundary() {
        noClasses()
                .that()
                .resideInAPackage("org.citymaas.runtime..control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.citymaas.runtime..boundary..")
                .check(CLASSES);
    }

    @Test
    void onlyTheEnginePackageUsesDjl() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.citymaas.runtime.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.djl..")
                .check(CLASSES);
    }

    @Test
    void onlyTheEngineAndTheTrainersUseTensorFlow() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.citymaas.runtime.engine..", "org.citymaas.runtime.training..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.tensorflow..")
                .check(CLASSES);
    }

    @Test
    void theServingPathDoesNotDependOnTheTrainers() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.citymaas.runtime.catalog..",
                        "org.citymaas.runtime.inference..",
                        "org.citymaas.runtime.scheduler..",
                        "org.citymaas.runtime.engine..",
                        "org.citymaas.runtime.explain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.citymaas.runtime.training..")
                .check(CLASSES);
    }

    /** Stricter than "none in its API": a plain library, usable without a server, uses no Jakarta EE at all. */
    @Test
    void usesNoJakartaEe() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta..").check(CLASSES);
    }

    @Test
    void dependsOnNoOtherCityMaasModule() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.citymaas.tenant..",
                        "org.citymaas.security..",
                        "org.citymaas.billing..",
                        "org.citymaas.portal..")
                .check(CLASSES);
    }
}

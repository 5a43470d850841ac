package org.citymaas.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DJL stays behind the engine seam; TensorFlow's Java API only in the engine and the trainers. */
class VendorSeamTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.citymaas.runtime");

    @Test
    void onlyTheEnginePackageUsesDjl() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.citymaas.runtime.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.djl..")
                .check(classes);
    }

    @Test
    void onlyTheEngineAndTheTrainersUseTensorFlow() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.citymaas.runtime.engine..", "org.citymaas.runtime.training..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.tensorflow..")
                .check(classes);
    }

    @Test
    void theServingPathDoesNotDependOnTheTrainers() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.citymaas.runtime.catalog..",
                        "org.citymaas.runtime.inference..",
                        "org.citymaas.runtime.scheduler..",
                        "org.citymaas.runtime.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.citymaas.runtime.training..")
                .check(classes);
    }
}

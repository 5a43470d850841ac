package org.citymaas.portal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The portal reaches the other modules only through their public packages, keeps JDBC and Hibernate
 * in its configuration, and (checked here because every module is on this classpath) no CityMaaS
 * class takes the simple name of a {@code java.lang} class.
 */
class ArchitectureTest {

    private final JavaClasses everything = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.citymaas");

    private final JavaClasses portal = everything.that(resideInAPackage("org.citymaas.portal.."));

    @Test
    void reachesOtherModulesOnlyThroughTheirPublicPackages() {
        classes()
                .should()
                .onlyDependOnClassesThat(not(resideInAPackage("org.citymaas.."))
                        .or(resideInAPackage("org.citymaas.portal.."))
                        .or(resideInAnyPackage(
                                "org.citymaas.*.*.boundary..",
                                "org.citymaas.*.*.entity..",
                                "org.citymaas.*.errors..",
                                "org.citymaas.runtime")))
                .check(portal.that(resideOutsideOfPackage("org.citymaas.portal.configuration..")));
        // the configuration also runs db's Flyway migrations
        classes()
                .that()
                .resideInAPackage("org.citymaas.portal.configuration..")
                .should()
                .onlyDependOnClassesThat(not(resideInAPackage("org.citymaas.."))
                        .or(resideInAnyPackage(
                                "org.citymaas.portal..",
                                "org.citymaas.db..",
                                "org.citymaas.*.*.boundary..",
                                "org.citymaas.*.*.entity..",
                                "org.citymaas.*.errors..")))
                .check(portal);
    }

    @Test
    void entitiesKnowNoLogicAndLogicKnowsNoBoundaryOfTheirModule() {
        noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.citymaas.portal..control..", "org.citymaas.portal..boundary..")
                .check(portal);
        noClasses()
                .that()
                .resideInAPackage("..control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.citymaas.portal..boundary..")
                .check(portal);
    }

    @Test
    void jdbcOnlyInTheConfiguration() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.citymaas.portal.configuration..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..")
                .check(portal);
    }

    @Test
    void hibernateOnlyInThePortalConfiguration() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.citymaas.portal.configuration..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.hibernate..")
                .check(everything);
    }

    @Test
    void noClassShadowsAJavaLangName() {
        classes().should(notShadowJavaLang()).check(everything);
    }

    private static ArchCondition<JavaClass> notShadowJavaLang() {
        return new ArchCondition<>("not take the simple name of a java.lang class") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (type.isNestedClass() || type.isAnonymousClass()) {
                    return;
                }
                var shadowed = "java.lang." + type.getSimpleName();
                try {
                    Class.forName(shadowed, false, ClassLoader.getPlatformClassLoader());
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " shadows " + shadowed));
                } catch (ClassNotFoundException expected) {
                    // no such java.lang class: the name is free
                }
            }
        };
    }
}

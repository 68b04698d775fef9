package com.powerpto;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of docs/architecture.md, enforced. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        // Any build folder (target, target-x) keeps test classes under test-classes.
        ImportOption mainOnly = location -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(mainOnly).importPackages("com.powerpto");
    }

    @Test
    void controllersNeverTouchRepositories() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
    }

    @Test
    void onlyTheLedgerPackageWritesLedgerRows() {
        noClasses().that().resideOutsideOfPackage("com.powerpto.ledger..")
                .should().dependOnClassesThat().haveSimpleName("LedgerRepository")
                .check(classes);
    }

    @Test
    void pureCalculatorsKnowNoFramework() {
        classes().that().haveSimpleNameEndingWith("Calculator").or().resideInAPackage("..calc..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.powerpto..")
                .check(classes);
    }

    /** The balance timeline is a pure function of its inputs: no framework, no database, no clock (decision 0040). */
    @Test
    void theTimelineIsPure() {
        classes().that().resideInAPackage("com.powerpto.accrual.timeline..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.powerpto.accrual.timeline..",
                        "com.powerpto.accrual.calc..")
                .check(classes);
        noClasses().that().resideInAPackage("com.powerpto.accrual.timeline..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(classes);
    }

    /**
     * The features that own a balance's inputs publish "input changed" events; the accrual feature
     * listens. None of them depends on it (issue 24: three files did).
     */
    @Test
    void lowerFeaturesNeverDependOnAccruals() {
        noClasses().that().resideInAnyPackage("com.powerpto.policy..", "com.powerpto.employee..", "com.powerpto.ledger..",
                        "com.powerpto.request..", "com.powerpto.lifecycle..", "com.powerpto.imports..",
                        "com.powerpto.assignment..", "com.powerpto.events..")
                .should().dependOnClassesThat().resideInAPackage("com.powerpto.accrual..")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoThePlatformsInternalsOfOthers() {
        noClasses().that().resideOutsideOfPackage("com.powerpto.platform..")
                .should().dependOnClassesThat().resideInAPackage("com.powerpto.platform.database..")
                .check(classes);
    }
}

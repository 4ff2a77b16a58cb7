package dev.entente.impl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps {@code impl} on top of {@code model} only, and the real clock out of its components. */
class ImplArchitectureTest {
  private static final String REAL_CLOCK = "dev.entente.impl.clock.SystemPhysicalClock";

  private static final JavaClasses IMPL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.impl");

  @Test
  void impl_dependsOnlyOnModelAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.entente.impl..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.entente.impl..",
            "dev.entente.model..",
            "java..",
            "org.bouncycastle.crypto..",
            "com.fasterxml.jackson.core..")
        .because(
            "impl depends on model only (STYLE.md), on BouncyCastle's Ed25519 (issue 9), and on"
                + " Jackson's streaming parser for schema files (issue 12)")
        .check(IMPL);
  }

  @Test
  void impl_dependsOnSimulationsOrCli_never() {
    noClasses()
        .that()
        .resideInAPackage("dev.entente.impl..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.entente.simulations..", "dev.entente.cli..")
        .because("the simulator and the cli drive impl through model interfaces, not the reverse")
        .check(IMPL);
  }

  @Test
  void realClock_isUsedByImplComponents_never() {
    noClasses()
        .that()
        .resideInAPackage("dev.entente.impl..")
        .and()
        .doNotHaveFullyQualifiedName(REAL_CLOCK)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(REAL_CLOCK)
        .because("components take a PhysicalClock; only the composition root picks the real one")
        .check(IMPL);
  }

  @Test
  void impl_packages_areFreeOfCycles() {
    // "(**)" makes every package its own slice, the root package included ("(*).." leaves it out).
    slices()
        .matching("dev.entente.(**)")
        .should()
        .beFreeOfCycles()
        .because("each package builds on the ones below it, never back (issue 8)")
        .check(IMPL);
  }
}

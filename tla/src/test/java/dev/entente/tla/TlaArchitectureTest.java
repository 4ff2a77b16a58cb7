package dev.entente.tla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps {@code tla} on top of {@code model}, Jackson and TLC only (STYLE.md). */
class TlaArchitectureTest {
  private static final JavaClasses TLA =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.tla");

  @Test
  void tla_dependsOnlyOnModelJacksonTlcAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.entente.tla..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.entente.tla..",
            "dev.entente.model..",
            "com.fasterxml.jackson..",
            "tlc2..",
            "tla2sany..",
            "util..",
            "java..")
        .because("tla links to the rest only through model and files (STYLE.md)")
        .check(TLA);
  }

  @Test
  void tla_dependsOnImplSimulationsOrCli_never() {
    noClasses()
        .that()
        .resideInAPackage("dev.entente.tla..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.entente.impl..", "dev.entente.simulations..", "dev.entente.cli..")
        .because("specs are data; trace checks link to the simulator by files, not by code")
        .check(TLA);
  }

  @Test
  void tla_packages_areFreeOfCycles() {
    // "(**)" makes every package its own slice, the root package included ("(*).." leaves it out).
    slices()
        .matching("dev.entente.(**)")
        .should()
        .beFreeOfCycles()
        .because("each package builds on the ones below it, never back (issue 8)")
        .check(TLA);
  }
}

package dev.entente.histories;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code histories} in its place in the module graph: it reads and writes history and change
 * files for whoever needs them, knowing only {@code model}, the JDK, Clojure (EDN) and Jackson
 * (JSON); its packages form no cycle.
 */
class HistoriesArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.histories");

  @Test
  void histories_dependsOnlyOnModelJdkClojureAndJackson() {
    classes()
        .that()
        .resideInAPackage("dev.entente.histories..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(
                "dev.entente.histories..",
                "dev.entente.model..",
                "java..",
                "javax..",
                "clojure..",
                "com.fasterxml.jackson.."))
        .because("history files are model data; the simulator and the cli sit above (STYLE.md)")
        .check(MAIN);
  }

  @Test
  void histories_packages_areFreeOfCycles() {
    slices().matching("dev.entente.histories.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}

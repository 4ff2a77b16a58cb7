package dev.entente.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code cli} at the top of the module graph: it drives model and impl, reads and writes
 * history and change files through {@code histories}, and never touches Clojure itself; nothing
 * uses it.
 */
class CliArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente");

  @Test
  void cli_usesOnlyModelAndImplOfOurModules() {
    classes()
        .that()
        .resideInAPackage("dev.entente.cli..")
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("dev.entente..")
                .or(
                    resideInAnyPackage(
                        "dev.entente.cli..",
                        "dev.entente.campaign..",
                        "dev.entente.model..",
                        "dev.entente.histories..",
                        "dev.entente.impl..",
                        "dev.entente.storage..",
                        "dev.entente.node..",
                        "dev.entente.simulations..",
                        "dev.entente.peers..",
                        "dev.entente.tla..",
                        "dev.entente.reports..")))
        .because("cli drives model and impl; add a module here when the cli starts driving it")
        .check(MAIN);
  }

  @Test
  void cli_readsAndWritesEdn_onlyThroughHistories() {
    noClasses()
        .that()
        .resideInAPackage("dev.entente.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("clojure..")
        .because("EDN is the histories module's business: one reader, one writer per format")
        .check(MAIN);
  }

  @Test
  void otherModules_dependOnCli_never() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.entente.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.entente.cli..")
        .because("nothing depends on the cli (STYLE.md)")
        .check(MAIN);
  }

  @Test
  void cli_packages_areFreeOfCycles() {
    slices()
        .matching("dev.entente.cli.(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(MAIN);
  }
}

package dev.entente.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code node} beside simulations: it builds on model, histories, impl and storage, with
 * Netty and SQLite as its outside libraries, and never on the simulator, the campaign or the cli.
 */
class NodeArchitectureTest {
  private static final JavaClasses NODE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.node");

  @Test
  void node_dependsOnlyOnModelHistoriesImplStorageNettySqliteAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.entente.node..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.entente.node..",
            "dev.entente.model..",
            "dev.entente.histories..",
            "dev.entente.impl..",
            "dev.entente.storage..",
            "io.netty..",
            "org.sqlite..",
            "org.jspecify..",
            "java..")
        .because("node sits beside simulations; campaign and cli drive it, not the other way")
        .check(NODE);
  }

  @Test
  void node_packages_areFreeOfCycles() {
    slices().matching("dev.entente.node.(*)..").should().beFreeOfCycles().check(NODE);
  }

  @Test
  void wire_knowsNothingOfTheProcessesThatSpeakIt() {
    classes()
        .that()
        .resideInAPackage("dev.entente.node.wire..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackages(
            "dev.entente.node.relay..", "dev.entente.node.replica..", "dev.entente.node.jepsen..")
        .check(NODE);
  }
}

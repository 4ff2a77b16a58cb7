package dev.entente.peers;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code peers} beside {@code simulations}: it drives model, impl and the simulator's parts
 * (network, clocks, schedule, history recorder) and is driven by campaign and cli; its third-party
 * code is Jackson (the protocol's JSON) and Automerge (one adapter). Its packages form no cycle.
 */
class PeersArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.peers");

  @Test
  void peers_usesOnlyModelImplAndSimulationsOfOurModules() {
    classes()
        .that()
        .resideInAPackage("dev.entente.peers..")
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("dev.entente..")
                .or(
                    resideInAnyPackage(
                        "dev.entente.peers..",
                        "dev.entente.model..",
                        "dev.entente.impl..",
                        "dev.entente.simulations..")))
        .because("peers sits beside simulations; campaign and cli drive it (docs/architecture.md)")
        .check(MAIN);
  }

  @Test
  void peers_thirdPartyDependencies_areJdkJacksonAndAutomerge() {
    classes()
        .that()
        .resideInAPackage("dev.entente.peers..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(
                "dev.entente..",
                "java..",
                "javax..",
                "com.fasterxml.jackson..",
                "org.automerge..",
                "org.jspecify.."))
        .because("the protocol is Jackson's JSON; Automerge is the one in-process foreign peer")
        .check(MAIN);
  }

  @Test
  void peers_packages_areFreeOfCycles() {
    slices()
        .matching("dev.entente.peers.(**)")
        .should()
        .beFreeOfCycles()
        .because("protocol, adapters, launch, cluster, sim and conform are layers")
        .check(MAIN);
  }
}

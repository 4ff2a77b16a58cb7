package dev.entente.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code bench} a leaf: it measures {@code model}, {@code impl} and {@code storage} beside
 * its peers (Pekko, Automerge) with JMH, and runs the simulator ({@code simulations}, which depends
 * only on model and impl) for its speed; it depends on no other module of ours. JMH's generated
 * classes are included.
 */
class BenchArchitectureTest {
  private static final JavaClasses BENCH =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.bench");

  @Test
  void bench_dependsOnlyOnModelImplStorageSimulationsJmhThePeersAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.entente.bench..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.entente.bench..",
            "dev.entente.model..",
            "dev.entente.impl..",
            "dev.entente.storage..",
            // SimulatorBenchmark: complete simulator runs per second.
            "dev.entente.simulations..",
            // The history readers and checkers (CheckerBenchmark); they bring Clojure for EDN.
            "dev.entente.histories..",
            "org.openjdk.jmh..",
            "org.apache.pekko..",
            "scala..",
            "org.automerge..",
            "org.HdrHistogram..",
            // BouncyCastle's Ed25519, the contestant beside the JDK's (TrustBenchmark).
            "org.bouncycastle..",
            // Reads JMH's JSON and writes the sidecar.
            "com.fasterxml.jackson..",
            "java..")
        .because("bench measures model, impl, storage and the simulator (STYLE.md)")
        .check(BENCH);
  }

  @Test
  void bench_dependsOnOtherEntenteModules_never() {
    noClasses()
        .that()
        .resideInAPackage("dev.entente.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.entente.cli..",
            "dev.entente.tla..",
            "dev.entente.properties..",
            "dev.entente.reports..")
        .because("bench is a leaf; of ours it measures only model, impl, storage and simulations")
        .check(BENCH);
  }

  @Test
  void bench_packages_areFreeOfCycles() {
    // "(**)" makes every package its own slice, the root package included ("(*).." leaves it out).
    slices()
        .matching("dev.entente.(**)")
        .should()
        .beFreeOfCycles()
        .because("each package builds on the ones below it, never back (issue 8)")
        .check(BENCH);
  }
}

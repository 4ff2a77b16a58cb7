package dev.entente.simulations;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code simulations} in its place in the module graph: it drives {@code model} and {@code
 * impl} and records histories as plain data; it never uses {@code histories}, {@code cli} or {@code
 * tla}, and never Clojure (reading and writing history files is the {@code histories} module's
 * job). Inside the module, its packages form no cycle.
 */
class SimulationsArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.simulations");

  @Test
  void simulations_usesOnlyModelAndImplOfOurModules() {
    classes()
        .that()
        .resideInAPackage("dev.entente.simulations..")
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("dev.entente..")
                .or(
                    resideInAnyPackage(
                        "dev.entente.simulations..", "dev.entente.model..", "dev.entente.impl..")))
        .because(
            "simulations drives model and impl; histories, cli and tla sit beside or above it"
                + " (STYLE.md)")
        .check(MAIN);
  }

  @Test
  void simulations_thirdPartyDependencies_areJdkAndJackson() {
    classes()
        .that()
        .resideInAPackage("dev.entente.simulations..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage("dev.entente..", "java..", "javax..", "com.fasterxml.jackson.."))
        .because(
            "the simulator's dependencies are the JDK and Jackson (campaign records); EDN is the"
                + " histories module's")
        .check(MAIN);
  }

  @Test
  void simulations_packages_areFreeOfCycles() {
    slices()
        .matching("dev.entente.simulations.(*)..")
        .should()
        .beFreeOfCycles()
        .because("each part of the simulator sits on the parts below it (issue 8)")
        .check(MAIN);
  }

  @Test
  void simulations_everyPackageWithTheRoot_isFreeOfCycles() {
    // "(**)" makes every package its own slice, the root package (which "(*).." leaves out) too.
    slices()
        .matching("dev.entente.(**)")
        .should()
        .beFreeOfCycles()
        .because("the root package (options, outcome, mutants) is a layer, not a friend of all")
        .check(MAIN);
  }
}

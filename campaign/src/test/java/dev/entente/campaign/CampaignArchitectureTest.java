package dev.entente.campaign;

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
 * Keeps {@code campaign} between the simulator and the command line: it drives model, impl,
 * simulations, tla, peers, node and reports, never cli, and its packages form no cycle.
 */
class CampaignArchitectureTest {
  private static final JavaClasses CAMPAIGN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.campaign");

  @Test
  void campaign_usesOnlyTheModulesBelowIt() {
    classes()
        .that()
        .resideInAPackage("dev.entente.campaign..")
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("dev.entente..")
                .or(
                    resideInAnyPackage(
                        "dev.entente.campaign..",
                        "dev.entente.model..",
                        "dev.entente.impl..",
                        "dev.entente.histories..",
                        "dev.entente.simulations..",
                        "dev.entente.tla..",
                        "dev.entente.peers..",
                        "dev.entente.node..",
                        "dev.entente.reports..")))
        .because("model <- impl <- simulations/tla/peers/node <- campaign/reports <- cli")
        .check(CAMPAIGN);
  }

  @Test
  void campaign_dependsOnCli_never() {
    noClasses()
        .that()
        .resideInAPackage("dev.entente.campaign..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.entente.cli..")
        .because("nothing depends on the cli (STYLE.md)")
        .check(CAMPAIGN);
  }

  @Test
  void campaign_packages_areFreeOfCycles() {
    slices().matching("dev.entente.campaign.(*)..").should().beFreeOfCycles().check(CAMPAIGN);
  }

  @Test
  void campaignReportBuilders_dependOnTheSchemaOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.entente.campaign.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.entente.simulations..",
            "dev.entente.tla..",
            "dev.entente.peers..",
            "dev.entente.node..")
        .because("tables and charts are built from typed rows, not from runs")
        .check(CAMPAIGN);
  }
}

package dev.entente.reports;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code reports} a leaf that reads result files only (STYLE.md): it depends on no other
 * Entente module, only on Jackson (to read JSON), JFreeChart and JFreeSVG (to draw charts) and the
 * JDK.
 */
class ReportsArchitectureTest {
  private static final JavaClasses REPORTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.reports");

  @Test
  void reports_dependsOnNoOtherEntenteModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.entente.reports..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.entente..").and(resideOutsideOfPackage("dev.entente.reports..")))
        .because("reports turns result files into HTML and Markdown and links no module (STYLE.md)")
        .check(REPORTS);
  }

  @Test
  void reports_dependsOnlyOnJacksonJFreeChartJFreeSvgJSpecifyAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.entente.reports..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.entente.reports..",
            "com.fasterxml.jackson..",
            "org.jfree.chart..",
            "org.jfree.data..",
            "org.jfree.svg..",
            "org.jspecify.annotations..",
            "java..")
        .because(
            "the renderer needs only a JSON reader and a chart library (and @Nullable for NullAway)")
        .check(REPORTS);
  }

  @Test
  void reports_packages_areFreeOfCycles() {
    slices()
        .matching("dev.entente.reports.(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(REPORTS);
  }
}

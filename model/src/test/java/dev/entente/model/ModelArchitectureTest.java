package dev.entente.model;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code model} at the bottom of the module graph: it depends on the JDK and nothing else.
 */
class ModelArchitectureTest {
  private static final JavaClasses MODEL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.model");

  @Test
  void model_dependsOnOtherEntenteModules_never() {
    noClasses()
        .that()
        .resideInAPackage("dev.entente.model..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.entente..").and(not(resideInAPackage("dev.entente.model.."))))
        .because("model is the bottom of the graph: impl, cli and the rest depend on it")
        .check(MODEL);
  }

  @Test
  void model_dependsOnlyOnTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.entente.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.entente.model..", "java..")
        .because("model is JDK only (STYLE.md)")
        .check(MODEL);
  }
}

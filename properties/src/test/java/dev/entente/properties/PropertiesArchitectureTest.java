package dev.entente.properties;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps {@code properties} a test-only module that exercises {@code model} and {@code impl}. */
class PropertiesArchitectureTest {
  private static final JavaClasses SUITES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("dev.entente.properties");

  @Test
  void suites_useOnlyModelAndImplOfOurModules() {
    classes()
        .that()
        .resideInAPackage("dev.entente.properties..")
        .should()
        .onlyDependOnClassesThat(
            resideOutsideOfPackage("dev.entente..")
                .or(
                    resideInAnyPackage(
                        "dev.entente.properties..", "dev.entente.model..", "dev.entente.impl..")))
        .because("property suites test model and impl; the cli and simulator are not their subject")
        .check(SUITES);
  }

  @Test
  void properties_hasMainClasses_never() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.entente.properties");

    assertThat(main.that(resideInAPackage("dev.entente.properties..")))
        .as("properties is tests only, so nothing can depend on it (STYLE.md)")
        .isEmpty();
  }
}

package dev.entente.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps {@code storage} on top of impl and model, with SQLite as its only outside dependency. */
class StorageArchitectureTest {
  private static final JavaClasses STORAGE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.entente.storage");

  @Test
  void storage_dependsOnlyOnImplModelSqliteAndTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.entente.storage..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.entente.storage..",
            "dev.entente.impl..",
            "dev.entente.model..",
            "org.sqlite..",
            "org.jspecify..",
            "java..")
        .because("storage builds on impl's Storage seam; simulations, campaign and cli sit above")
        .check(STORAGE);
  }

  @Test
  void storage_packages_areFreeOfCycles() {
    slices().matching("dev.entente.(**)").should().beFreeOfCycles().check(STORAGE);
  }
}

package dev.entente.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The manifest and the specs directory agree. */
class ManifestTest {
  private final Path specs = SpecFiles.locate();
  private final Manifest manifest = Manifest.read(specs);

  @Test
  void everyConfig_isInManifest() throws IOException {
    try (Stream<Path> files = Files.list(specs)) {
      List<String> configs =
          files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".cfg")).toList();
      assertThat(manifest.models())
          .extracting(Manifest.Model::config)
          .containsExactlyInAnyOrderElementsOf(configs);
    }
  }

  @Test
  void everyModel_namesExistingFiles() {
    for (Manifest.Model m : manifest.models()) {
      assertThat(specs.resolve(m.spec())).as(m.name()).isRegularFile();
      assertThat(specs.resolve(m.config())).as(m.name()).isRegularFile();
      assertThat(m.config()).isEqualTo(m.name() + ".cfg");
    }
    for (String module : manifest.modules()) {
      assertThat(specs.resolve(module)).isRegularFile();
    }
  }

  @Test
  void passingCiModels_recordExactDistinctStates() {
    for (Manifest.Model m : manifest.ciModels()) {
      if (m.expectedOutcome() == TlcOutcome.PASSED) {
        assertThat(m.distinctStates()).as(m.name()).isPositive();
      } else {
        assertThat(m.name()).as("failing CI model name").isNotEmpty();
      }
    }
  }

  @Test
  void failingModels_includeTheThreeTheDesignMustBreak() {
    assertThat(manifest.ciModels())
        .filteredOn(m -> m.expected().equals("invariant"))
        .extracting(Manifest.Model::violates)
        .contains("Convergence", "NoCausallyLaterWriteLost", "NoImpossibleState");
  }

  @Test
  void extract_packagedCopy_hasEveryFile() throws IOException {
    Path dir = Files.createTempDirectory("entente-tla-extract-test");
    try {
      SpecFiles.extract(dir);
      Manifest extracted = Manifest.read(dir);
      assertThat(extracted).isEqualTo(manifest);
      for (Manifest.Model m : extracted.models()) {
        assertThat(Files.readString(dir.resolve(m.config())))
            .isEqualTo(Files.readString(specs.resolve(m.config())));
      }
    } finally {
      TlcRunner.deleteRecursively(dir);
    }
  }
}

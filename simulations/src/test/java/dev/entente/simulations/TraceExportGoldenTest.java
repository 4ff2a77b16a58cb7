package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.trace.TraceExporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Pins the SHA-256 of the NDJSON that {@link TraceExporter} writes for a few exportable seeds (the
 * options of the {@code tla} module's trace validation), with the real components and with a broken
 * clock, so a change in how the simulator records what the exporter reads cannot change a byte of
 * the exported traces without a test saying so. {@code golden/trace-exports.tsv} was written by the
 * exporter before it read typed run events instead of scraping the text trace; a deliberate change
 * rewrites it with {@code -Dentente.golden.update=true}.
 */
class TraceExportGoldenTest {
  private static final String RESOURCE = "/golden/trace-exports.tsv";

  @Test
  void exportedTraces_ofPinnedSeeds_matchTheGoldenFile() throws IOException {
    List<String> actual = new ArrayList<>();
    for (Mutant mutant : List.of(Mutant.NONE, Mutant.HLC_IGNORES_REMOTE_TIMESTAMPS)) {
      for (long seed : exportableSeeds()) {
        List<String> lines = TraceExporter.export(options(seed, mutant));
        actual.add(mutant.optionName() + "\t" + seed + "\t" + lines.size() + "\t" + sha256(lines));
      }
    }
    if (Boolean.getBoolean("entente.golden.update")) {
      Files.write(Path.of("src/test/resources" + RESOURCE), actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as("(mutant, seed, lines, sha256 of the NDJSON) per exported run")
        .containsExactlyElementsOf(golden());
  }

  private static SimulationOptions options(long seed, Mutant mutant) {
    return TraceExporter.sampleOptions(seed, mutant);
  }

  private static List<Long> exportableSeeds() {
    return LongStream.rangeClosed(1, 100)
        .filter(seed -> TraceExporter.unsupported(options(seed, Mutant.NONE)).isEmpty())
        .limit(6)
        .boxed()
        .toList();
  }

  private static String sha256(List<String> lines) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        d.update(line.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static List<String> golden() throws IOException {
    try (InputStream in = TraceExportGoldenTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("resource %s", RESOURCE).isNotNull();
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
      return lines;
    }
  }
}

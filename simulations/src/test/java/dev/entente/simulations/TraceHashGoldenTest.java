package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.run.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the trace hash of a few seeds per profile, so a refactoring of the simulator cannot change
 * what an old seed does without a test saying so. The file {@code golden/trace-hashes.tsv} was
 * written by the simulator before the harness redesign; a deliberate change of behaviour rewrites
 * it with {@code -Dentente.golden.update=true} and documents why in the commit and below.
 *
 * <p>Documented changes:
 *
 * <ul>
 *   <li>Profiles as data (issue 8, item 5): the {@code swarm} profile's fault set is now drawn per
 *       fault, keyed by the fault's name ({@link dev.entente.simulations.profile.FaultDraw}),
 *       instead of one bit of a mask per {@code FaultKind} ordinal, so that adding a fault kind
 *       never changes an old seed's run. This changed the four {@code swarm} hashes once; the other
 *       profiles' hashes are unchanged (their draws are the same values, one per knob, in the same
 *       order).
 *   <li>Schema rollout (issue 12): the new {@code rollout} profile's four lines were appended; no
 *       other line changed (changes without a schema encode and print as before).
 * </ul>
 */
class TraceHashGoldenTest {
  private static final String RESOURCE = "/golden/trace-hashes.tsv";
  private static final int SEEDS_PER_PROFILE = 4;

  @Test
  void traceHashes_ofPinnedSeeds_matchTheGoldenFile() throws IOException {
    List<String> actual = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      for (long seed = 1; seed <= SEEDS_PER_PROFILE; seed++) {
        SimulationOutcome outcome = Simulation.run(profile.resolve(seed, Overrides.NONE));
        actual.add(profile.optionName() + "\t" + seed + "\t" + outcome.traceHash());
      }
    }
    if (Boolean.getBoolean("entente.golden.update")) {
      Path out = Path.of("src/test/resources" + RESOURCE);
      Files.write(out, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(
            "trace hashes per (profile, seed); replay one with ./entente simulate --seed S"
                + " --profile P")
        .containsExactlyElementsOf(golden());
  }

  private static List<String> golden() throws IOException {
    try (InputStream in = TraceHashGoldenTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("resource %s", RESOURCE).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>();
      for (String line : text.split("\n", -1)) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
      return lines;
    }
  }
}

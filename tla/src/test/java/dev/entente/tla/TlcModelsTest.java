package dev.entente.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs TLC on every CI model of {@code manifest.json} and compares what it finds with the manifest:
 * the outcome; for passing models the exact distinct-state count; for failing models the violated
 * invariant and a parsed counterexample. With {@code -Dentente.tla.manual=true} the manual models
 * run too.
 */
class TlcModelsTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TestFactory
  Stream<DynamicTest> everyModel_matchesManifest() {
    Path specs = SpecFiles.locate();
    Manifest manifest = Manifest.read(specs);
    boolean manual = Boolean.getBoolean("entente.tla.manual");
    List<Manifest.Model> models = manual ? manifest.models() : manifest.ciModels();
    TlcRunner runner = TlcRunner.withDefaults(TIMEOUT);
    return models.stream()
        .map(m -> DynamicTest.dynamicTest(m.name(), () -> check(runner, specs, m)));
  }

  private static void check(TlcRunner runner, Path specs, Manifest.Model m) {
    TlcResult r = runner.run(specs, m.spec(), m.config(), false);
    System.out.printf(
        "%s: %s, %d generated, %d distinct, depth %d, %.1f s%n",
        m.name(),
        r.outcomeLabel(),
        r.statesGenerated(),
        r.distinctStates(),
        r.depth(),
        r.wallTimeMillis() / 1000.0);

    assertThat(r.outcome())
        .as("%s outcome; errors %s", m.name(), r.errors())
        .isEqualTo(m.expectedOutcome());
    if (m.expectedOutcome() == TlcOutcome.PASSED && m.distinctStates() >= 0) {
      assertThat(r.distinctStates())
          .as("%s distinct states", m.name())
          .isEqualTo(m.distinctStates());
    } else if (m.expectedOutcome() != TlcOutcome.PASSED) {
      assertThat(r.violated()).as("%s violated", m.name()).isEqualTo(m.violates());
      assertThat(r.trace()).as("%s counterexample", m.name()).isNotEmpty();
      assertThat(r.trace().get(0).variables()).as("%s first state", m.name()).isNotEmpty();
    }
    assertThat(m.matches(r)).isTrue();
  }
}

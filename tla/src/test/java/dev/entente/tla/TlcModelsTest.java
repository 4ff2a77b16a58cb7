package dev.entente.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs TLC on every CI model of {@code manifest.json} and compares what it finds with the manifest:
 * the outcome; for passing models the exact distinct-state count; for failing models the violated
 * invariant and a parsed counterexample. With {@code -Dentente.tla.manual=true} the manual models
 * run too.
 *
 * <p>Each TLC run is its own child JVM with {@code -workers 1}, so its counts do not depend on what
 * else runs. Up to {@code -Dentente.tla.parallel=N} runs (2 by default: CI has two cores) go at
 * once, started in manifest order; each model is still its own dynamic test, which waits for its
 * run and makes its own assertions, so results and log lines come in manifest order.
 */
class TlcModelsTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final int PARALLEL = Integer.getInteger("entente.tla.parallel", 2);

  @TestFactory
  Stream<DynamicTest> everyModel_matchesManifest() {
    Path specs = SpecFiles.locate();
    Manifest manifest = Manifest.read(specs);
    boolean manual = Boolean.getBoolean("entente.tla.manual");
    List<Manifest.Model> models = manual ? manifest.models() : manifest.ciModels();
    TlcRunner runner = TlcRunner.withDefaults(TIMEOUT);
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, PARALLEL), TlcModelsTest::daemon);
    List<CompletableFuture<TlcResult>> runs =
        models.stream()
            .map(
                m ->
                    CompletableFuture.supplyAsync(
                        () -> runner.run(specs, m.spec(), m.config(), false), pool))
            .toList();
    pool.shutdown();
    return IntStream.range(0, models.size())
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    models.get(i).name(), () -> check(models.get(i), runs.get(i).join())))
        .onClose(pool::shutdownNow);
  }

  /** Daemon threads: a run still going when the test JVM ends must not keep it alive. */
  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "tlc-models");
    t.setDaemon(true);
    return t;
  }

  private static void check(Manifest.Model m, TlcResult r) {
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

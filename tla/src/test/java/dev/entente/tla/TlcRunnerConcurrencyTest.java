package dev.entente.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLC runs started at the same moment in the same spec directory do not disturb one another.
 *
 * <p>SANY copies the standard modules it needs out of its jar into {@code java.io.tmpdir}, under
 * their own names, and deletes them when its JVM exits; runs that shared one temporary directory
 * read each other's half-written or deleted {@code Naturals.tla} and failed to parse (CI, stop 18:
 * "Module-Table lookup failure"). Each run of {@link TlcRunner} has its own.
 */
class TlcRunnerConcurrencyTest {
  private static final int AT_ONCE = 6;
  // Without a tmpdir per run, one round of six failed in two of three tries here; three rounds
  // make a miss unlikely.
  private static final int ROUNDS = 3;
  private static final String SPEC =
      """
      ---- MODULE Tiny ----
      EXTENDS Naturals, Sequences, FiniteSets, TLC
      VARIABLE x
      Init == x = 0
      Next == x < 3 /\\ x' = x + 1
      Bounded == x \\in 0..3 /\\ Cardinality({x}) = 1 /\\ Len(<<x>>) = 1
      ====
      """;

  private Path dir;

  @BeforeEach
  void writeSpec() throws IOException {
    dir = Files.createTempDirectory("entente-tlc-concurrency");
    Files.writeString(dir.resolve("Tiny.tla"), SPEC);
    Files.writeString(dir.resolve("Tiny.cfg"), "INIT Init\nNEXT Next\nINVARIANT Bounded\n");
  }

  @AfterEach
  void deleteSpec() {
    TlcRunner.deleteRecursively(dir);
  }

  @Test
  void runsStartedTogether_allParseAndPass() {
    TlcRunner runner = TlcRunner.withDefaults(Duration.ofMinutes(2));
    for (int round = 0; round < ROUNDS; round++) {
      runTogether(runner, round);
    }
  }

  private void runTogether(TlcRunner runner, int round) {
    CountDownLatch start = new CountDownLatch(AT_ONCE);
    ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
    try {
      List<CompletableFuture<TlcResult>> runs =
          IntStream.range(0, AT_ONCE)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            start.countDown();
                            awaitQuietly(start);
                            return runner.run(dir, "Tiny.tla", "Tiny.cfg", false);
                          },
                          pool))
              .toList();
      for (int i = 0; i < AT_ONCE; i++) {
        TlcResult r = runs.get(i).join();
        assertThat(r.outcome())
            .as("round %d run %d; errors %s", round, i, r.errors())
            .isEqualTo(TlcOutcome.PASSED);
        assertThat(r.distinctStates()).as("round %d run %d distinct states", round, i).isEqualTo(4);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package dev.entente.tla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.trace.TraceExporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace validation (issue 4, part 3): simulator runs exported by {@link TraceExporter} are
 * behaviours of {@code KvCrdt.tla} according to TLC, and a broken clock from the mutant catalogue
 * produces a trace TLC rejects at the first receive whose clock does not match {@code Observe}.
 */
class TraceValidationTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** Every fault the spec models: network faults, loss, duplication, reordering, skew, drift. */
  private static final String FAULTS =
      "partition-one,partition-majority,clog,pause,loss,duplicate,reorder,delay,skew,drift";

  private final TraceValidator validator =
      new TraceValidator(TlcRunner.withDefaults(TIMEOUT), SpecFiles.locate());

  static SimulationOptions options(long seed, Mutant mutant) {
    Overrides o =
        Overrides.NONE
            .withPolicy(RegisterPolicy.LWW)
            .withClock(ClockKind.HLC)
            .withReplicas(3)
            .withOps(20)
            .withFaults(FaultKind.parseList(FAULTS))
            .withMutant(mutant);
    return Profile.parse("default").resolve(seed, o);
  }

  /** The first five seeds whose drawn options the exporter supports (not state gossip). */
  static List<Long> sampleSeeds() {
    return LongStream.rangeClosed(1, 100)
        .filter(seed -> TraceExporter.unsupported(options(seed, Mutant.NONE)).isEmpty())
        .limit(5)
        .boxed()
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> simulatorSeeds_areBehavioursOfTheSpec(@TempDir Path dir) {
    return sampleSeeds().stream()
        .map(
            seed ->
                DynamicTest.dynamicTest(
                    "seed " + seed,
                    () -> {
                      Path file = dir.resolve("seed-" + seed + ".ndjson");
                      Files.write(
                          file,
                          TraceExporter.export(options(seed, Mutant.NONE)),
                          StandardCharsets.UTF_8);
                      TraceValidator.Result r = validator.validate(file);
                      System.out.printf("trace seed %d: %s%n", seed, r.describe());
                      assertThat(r.verdict())
                          .as(r.describe())
                          .isEqualTo(TraceValidator.Verdict.ACCEPTED);
                      assertThat(r.events()).isGreaterThan(10);
                    }));
  }

  @Test
  void hlcIgnoringRemoteTimestamps_isRejectedAtAReceive(@TempDir Path dir) throws Exception {
    long seed = sampleSeeds().get(0);
    Path file = dir.resolve("mutant.ndjson");
    Files.write(
        file,
        TraceExporter.export(options(seed, Mutant.HLC_IGNORES_REMOTE_TIMESTAMPS)),
        StandardCharsets.UTF_8);
    TraceValidator.Result r = validator.validate(file);
    System.out.println("trace mutant hlc-ignores-remote-timestamps: " + r.describe());

    assertThat(r.verdict()).isEqualTo(TraceValidator.Verdict.REJECTED);
    assertThat(r.firstMismatch()).isPresent();
    assertThat(r.firstMismatch().get().line()).contains("\"event\":\"Receive\"");
    assertThat(r.matched()).isEqualTo(r.firstMismatch().get().index() - 1);
  }

  @Test
  void tamperedValue_isRejectedAtThatStep() {
    List<String> lines =
        new ArrayList<>(TraceExporter.export(options(sampleSeeds().get(1), Mutant.NONE)));
    ObjectMapper json = new ObjectMapper();
    int target = -1;
    for (int i = 1; i < lines.size() && target < 0; i++) {
      if (lines.get(i).contains("\"event\":\"Receive\"")
          && lines.get(i).contains("\"values\":{\"")) {
        target = i;
      }
    }
    assertThat(target).as("a receive with values").isPositive();
    try {
      ObjectNode e = (ObjectNode) json.readTree(lines.get(target));
      ObjectNode values = (ObjectNode) e.get("post").get("values");
      String key = values.fieldNames().next();
      values.put(key, "a value nobody wrote");
      lines.set(target, e.toString());
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
    TraceValidator.Result r = validator.validate(lines, line -> {});

    assertThat(r.verdict()).isEqualTo(TraceValidator.Verdict.REJECTED);
    assertThat(r.firstMismatch().get().index()).isEqualTo(target);
  }
}

package dev.entente.tla;

import static dev.entente.tla.TraceValidator.Verdict.ACCEPTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.trace.TraceExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trace validation (issue 4, part 3; batched in issue 13): simulator runs exported by {@link
 * TraceExporter} are behaviours of {@code KvCrdt.tla} according to TLC, a broken clock from the
 * mutant catalogue produces a trace TLC rejects at the first receive whose clock does not match
 * {@code Observe}, and a tampered line is rejected at that line. MV, causal-group, state-gossip,
 * crash and clock-step traces are behaviours too, and a mutation of each new step kind is refused
 * at its line. All these traces share their constants (the policy is per trace), so one TLC run
 * judges them all, each with its own verdict.
 */
class TraceValidationTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private static List<Long> seeds = List.of();
  private static int tamperedLine;
  private static TraceValidator.Batch batch = new TraceValidator.Batch(List.of(), 0, 0);
  private static List<TracedKinds.Sample> kinds = List.of();
  private static List<TracedKinds.Sample> mutated = List.of();

  static SimulationOptions options(long seed, Mutant mutant) {
    return TraceExporter.sampleOptions(seed, mutant);
  }

  /** The first three seeds whose drawn options the exporter supports (not state gossip). */
  static List<Long> sampleSeeds() {
    return LongStream.rangeClosed(1, 100)
        .filter(seed -> TraceExporter.unsupported(options(seed, Mutant.NONE)).isEmpty())
        .limit(3)
        .boxed()
        .toList();
  }

  /**
   * Three good traces (five before the new kinds, which pay for their TLC time), the mutant's, a
   * tampered copy of the second, one trace per new kind and a mutation of each: one batch.
   */
  @BeforeAll
  static void validateOneBatch() {
    seeds = sampleSeeds();
    List<List<String>> traces = new ArrayList<>();
    for (long seed : seeds) {
      traces.add(TraceExporter.export(options(seed, Mutant.NONE)));
    }
    traces.add(TraceExporter.export(options(seeds.get(0), Mutant.HLC_IGNORES_REMOTE_TIMESTAMPS)));
    List<String> tampered = new ArrayList<>(traces.get(1));
    tamperedLine = tamperWithAReceivedValue(tampered);
    traces.add(tampered);
    kinds = tracedKinds();
    mutated =
        List.of(
            TracedKinds.wrongValue(kinds.get(0)),
            TracedKinds.droppedDelivery(kinds.get(2)),
            TracedKinds.crashKeepingVolatileState(kinds.get(3)),
            TracedKinds.clockStepBackwards(kinds.get(4)));
    kinds.forEach(k -> traces.add(k.lines()));
    mutated.forEach(k -> traces.add(k.lines()));
    TraceValidator validator =
        new TraceValidator(TlcRunner.withDefaults(TIMEOUT), SpecFiles.locate());
    batch = validator.validateAll(traces, line -> {});
    System.out.printf(
        "trace batch: %d traces, %d events, %d TLC run(s), %d distinct states, %d ms (%.0f"
            + " events/s)%n",
        traces.size(),
        batch.events(),
        batch.runs(),
        batch.results().get(0).tlc().distinctStates(),
        batch.wallTimeMillis(),
        batch.eventsPerSecond());
  }

  /**
   * One trace per new kind: MV, causal group, state gossip, crash and restart, a clock step with a
   * write after it (each the first seed that has it).
   */
  private static List<TracedKinds.Sample> tracedKinds() {
    return List.of(
        TracedKinds.first("MV", RegisterPolicy.MV, TracedKinds.has("Receive")),
        TracedKinds.first("causal group", RegisterPolicy.CAUSAL_GROUP, TracedKinds.has("Receive")),
        TracedKinds.first("state gossip", RegisterPolicy.LWW, TracedKinds.has("Merge")),
        TracedKinds.first(
            "crash",
            RegisterPolicy.MV,
            l -> TracedKinds.has("Restart").test(l) && l.toString().contains("\"changes\":[{")),
        TracedKinds.first("clock step", RegisterPolicy.LWW, TracedKinds::writesAfterAClockStep));
  }

  /** Replaces a value a receive logged; returns the line's index (its 1-based event number). */
  private static int tamperWithAReceivedValue(List<String> lines) {
    ObjectMapper json = new ObjectMapper();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).contains("\"event\":\"Receive\"")
          && lines.get(i).contains("\"values\":{\"")) {
        try {
          ObjectNode e = (ObjectNode) json.readTree(lines.get(i));
          ObjectNode values = (ObjectNode) e.get("post").get("values");
          values.put(values.fieldNames().next(), "a value nobody wrote");
          lines.set(i, e.toString());
          return i;
        } catch (Exception ex) {
          throw new AssertionError(ex);
        }
      }
    }
    throw new AssertionError("no receive with values");
  }

  @Test
  void simulatorSeeds_areBehavioursOfTheSpec() {
    assertThat(seeds).hasSize(3);
    for (int i = 0; i < seeds.size(); i++) {
      TraceValidator.Result r = batch.results().get(i);
      System.out.printf("trace seed %d: %s%n", seeds.get(i), r.describe());
      assertThat(r.verdict()).as(r.describe()).isEqualTo(TraceValidator.Verdict.ACCEPTED);
      assertThat(r.events()).isGreaterThan(10);
    }
  }

  @Test
  void hlcIgnoringRemoteTimestamps_isRejectedAtAReceive() {
    TraceValidator.Result r = batch.results().get(seeds.size());
    System.out.println("trace mutant hlc-ignores-remote-timestamps: " + r.describe());

    assertThat(r.verdict()).isEqualTo(TraceValidator.Verdict.REJECTED);
    assertThat(r.firstMismatch()).isPresent();
    assertThat(r.firstMismatch().get().line()).contains("\"event\":\"Receive\"");
    assertThat(r.matched()).isEqualTo(r.firstMismatch().get().index() - 1);
  }

  @Test
  void tamperedValue_isRejectedAtThatStep() {
    TraceValidator.Result r = batch.results().get(seeds.size() + 1);

    assertThat(r.verdict()).isEqualTo(TraceValidator.Verdict.REJECTED);
    assertThat(r.firstMismatch().get().index()).isEqualTo(tamperedLine);
    assertThat(r.firstMismatch().get().line()).contains("a value nobody wrote");
  }

  @Test
  void everyPolicyStateGossipCrashAndClockStep_areBehavioursOfTheSpec() {
    for (int i = 0; i < kinds.size(); i++) {
      TraceValidator.Result r = batch.results().get(seeds.size() + 2 + i);
      System.out.printf("trace %s: %s%n", kinds.get(i).name(), r.describe());
      assertThat(r.verdict()).as(kinds.get(i).name() + ": " + r.describe()).isEqualTo(ACCEPTED);
    }
  }

  @Test
  void mutatedTraces_ofEachNewKind_areRefusedAtTheMutatedLine() {
    int first = seeds.size() + 2 + kinds.size();
    for (int i = 0; i < mutated.size(); i++) {
      TracedKinds.Sample m = mutated.get(i);
      TraceValidator.Result r = batch.results().get(first + i);
      System.out.printf("trace %s: %s%n", m.name(), r.describe());
      assertThat(r.verdict()).as(m.name()).isEqualTo(TraceValidator.Verdict.REJECTED);
      assertThat(r.firstMismatch().get().index()).as(m.name()).isEqualTo(m.refusedAt());
    }
  }

  @Test
  void tracesSharingConstants_areJudgedInOneTlcRun() {
    assertThat(batch.results()).hasSize(seeds.size() + 2 + kinds.size() + mutated.size());
    assertThat(batch.runs()).isEqualTo(1);
    assertThat(batch.eventsPerSecond()).isPositive();
  }

  @Test
  void traceDataModule_batchMixingConstants_isRefusedNamingTheTrace() {
    List<String> a = TraceExporter.export(options(seeds.get(0), Mutant.NONE));
    List<String> b = new ArrayList<>(a);
    b.set(0, a.get(0).replace("\"clock\":\"HLC\"", "\"clock\":\"WALL\""));

    assertThatThrownBy(() -> TraceDataModule.of(List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trace 2");
  }

  @Test
  void traceDataModule_lineNamingOtherReplicas_isRefusedNamingIt() {
    List<String> a = new ArrayList<>(TraceExporter.export(options(seeds.get(0), Mutant.NONE)));
    a.set(1, a.get(1).replace("\"pt\":{\"A\":", "\"pt\":{\"Z\":"));

    assertThatThrownBy(() -> TraceDataModule.of(List.of(a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pt names replicas [Z");
  }

  @Test
  void allLww_isTrueOnlyWhenEveryTraceIsLww() {
    List<String> lww = TraceExporter.export(options(seeds.get(0), Mutant.NONE));
    List<String> mv =
        List.of(lww.get(0).replace("\"policy\":\"LWW\"", "\"policy\":\"MV\""), lww.get(1));

    assertThat(TraceDataModule.allLww(List.of(lww, lww))).isTrue();
    assertThat(TraceDataModule.allLww(List.of(lww, mv))).isFalse();
  }
}

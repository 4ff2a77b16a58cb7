package dev.entente.simulations.trace;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.event.RunEvent;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.run.Simulation;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a finished simulator run into a trace of {@code KvCrdt.tla} actions (NDJSON), for trace
 * validation against the spec ({@code tla/specs/KvCrdtTrace.tla}, {@code
 * dev.entente.tla.TraceValidator}). Deterministic and stateless.
 *
 * <p>The first line describes the run: {@code {"event":"Init","format":FORMAT,"seed":S,
 * "policy":"LWW","clock":"HLC","replicas":["A","B"],"timeBase":T,"maxSkew":K,"events":N,
 * "options":"..."}}; replicas are in {@code ReplicaId} order, which is the spec's {@code
 * ReplicaRank}. Every other line is one spec step, in the order the run took them:
 *
 * <pre>{@code
 * {"i":1,"event":"Write","replica":"A","tick":61,
 *  "change":{"author":"A","seq":1,"timestamp":{"wall":62,"logical":0},"seen":{"A":0,"B":0},
 *            "ops":[{"op":"put","key":"k","value":"v"},{"op":"delete","key":"j"}]},
 *  "post":{"pt":{"A":62,"B":60},"clock":{"wall":62,"logical":0},"vv":{"A":1,"B":0},"values":null}}
 * {"i":2,"event":"Receive","replica":"B","tick":67,"change":{...},
 *  "post":{"pt":{...},"clock":{...},"vv":{"A":1,"B":0},"values":{"k":"v","j":null}}}
 * }</pre>
 *
 * <p>{@code Write} is the spec's {@code Write(r, ops)} (the local {@code Replica.transact}); {@code
 * Receive} is the spec's {@code Receive(r, c)} taken by {@code Deliver} or {@code SyncStep} (the
 * implementation applied a remote change it did not know: op push, retransmission or delta pull
 * alike). Duplicates are stuttering steps and are left out. {@code post} is the implementation's
 * state after the step: the physical clock of every replica ({@code pt}), the replica's timestamp
 * clock, its version vector and, for a receive, what it shows for the change's keys ({@code null}:
 * absent or deleted). Times are milliseconds minus {@code timeBase}, a constant below every
 * physical reading and timestamp (TLC integers are 32-bit; HLC arithmetic is invariant under the
 * shift because every reading stays above the clocks' initial zero, which stays 0). The clock after
 * a write is the change's timestamp ({@code now()} returns {@code current()}); everything after a
 * receive comes from the typed {@link RunEvent}s the simulator recorded as it ran (a {@code
 * LocalWrite} per write, an {@code Applied} per remote change, a {@code MachineAdded} per machine's
 * physical clock).
 *
 * <p>Runs of every policy can be exported, with op push, delta pull or state gossip ({@code Merge}:
 * the changes a merge taught the replica, in the order applied), crashes ({@code Crash}, then
 * {@code Restart}: the fresh replica merging its durable state) and clock steps ({@code
 * ClockStep}); not Lamport clocks, amnesia, strobes, late joiners, storage or compaction ({@link
 * #unsupportedTraced}), a refused remote change (the spec has no drift guard) or a change writing a
 * key twice. Under MV and causal group a {@code Receive} may buffer the change, and values shown
 * are arrays. The first sample ({@link #sampleOptions}, LWW, no crash, clock step or state gossip)
 * exports exactly as before those kinds existed.
 */
public final class TraceExporter {
  /** The format name in the first line. */
  public static final String FORMAT = "entente-kvcrdt-trace/1";

  private static final Set<FaultKind> UNMODELLED =
      Set.of(
          FaultKind.CRASH,
          FaultKind.AMNESIA,
          FaultKind.CLOCK_STEP,
          FaultKind.CLOCK_STROBE,
          FaultKind.JOIN);

  private static final Set<FaultKind> UNTRACED =
      Set.of(FaultKind.AMNESIA, FaultKind.CLOCK_STROBE, FaultKind.JOIN);

  /** Every fault {@code KvCrdt.tla} models: network faults, loss, duplication, reordering, skew. */
  public static final String MODELLED_FAULTS =
      "partition-one,partition-majority,clog,pause,loss,duplicate,reorder,delay,skew,drift";

  private TraceExporter() {}

  /**
   * The runs trace validation samples: the default profile's draw for {@code seed} with LWW, HLC,
   * three replicas, 20 ops and every {@link #MODELLED_FAULTS modelled fault}; some seeds draw
   * options that cannot be exported (see {@link #unsupported}).
   */
  public static SimulationOptions sampleOptions(long seed, Mutant mutant) {
    return draw(seed, RegisterPolicy.LWW, MODELLED_FAULTS, mutant);
  }

  /** The faults the wider traced runs add: crash and restart, and clock steps. */
  public static final String TRACED_FAULTS = MODELLED_FAULTS + ",crash,clock-step";

  /**
   * The wider traced runs: the default profile's draw for {@code seed} with {@code policy}, HLC,
   * three replicas, 20 ops and every {@link #TRACED_FAULTS traced fault}, with whatever sync the
   * profile draws (op push, delta pull or state gossip); see {@link #unsupportedTraced}.
   */
  public static SimulationOptions tracedOptions(long seed, RegisterPolicy policy, Mutant mutant) {
    return draw(seed, policy, TRACED_FAULTS, mutant);
  }

  /** The default profile's draw for {@code seed} with {@code policy}, HLC, 3 replicas, 20 ops. */
  private static SimulationOptions draw(
      long seed, RegisterPolicy policy, String faults, Mutant mutant) {
    Overrides o =
        Overrides.NONE
            .withPolicy(policy)
            .withClock(ClockKind.HLC)
            .withReplicas(3)
            .withOps(20)
            .withFaults(FaultKind.parseList(faults))
            .withMutant(mutant);
    return Profile.parse("default").resolve(seed, o);
  }

  /**
   * Why runs with {@code options} cannot be exported at all, or empty if they can: every policy, op
   * push, delta pull and state gossip, crash and restart, clock steps; not Lamport clocks, the
   * sequencer, amnesia, strobes, late joiners, storage-backed, compacting or schema-rollout runs.
   */
  public static Optional<String> unsupportedTraced(SimulationOptions options) {
    if (options.clock().kind() != ClockKind.HLC) {
      return Optional.of(
          "clock " + options.clock().kind() + " (KvCrdt.tla models HLC and WALL, not Lamport)");
    }
    if (options.sync() == SyncKind.SEQUENCER) {
      return Optional.of("the sequencer (not a replicated run)");
    }
    if (options.storageBacked() || options.compacting()) {
      return Optional.of("storage or compaction (durable state is not the delivered log)");
    }
    if (options.workload().kind() == WorkloadKind.ROLLOUT) {
      // A replica behind in a rollout merges less than the state it was sent (its schema filters
      // it), while a traced Merge line records the state as sent: TLC would refuse a correct run.
      return Optional.of("a schema rollout (a merge filtered by schema is not the state sent)");
    }
    for (FaultKind f : options.faults()) {
      if (UNTRACED.contains(f)) {
        return Optional.of("fault " + f.optionName() + " (not in the trace spec)");
      }
    }
    return Optional.empty();
  }

  /**
   * Why runs with {@code options} are not in the first traced sample (LWW, op push or delta pull,
   * no crash or clock step: the runs whose exports the golden tests pin), or empty if they are.
   */
  public static Optional<String> unsupported(SimulationOptions options) {
    if (options.policy() != RegisterPolicy.LWW) {
      return Optional.of("policy " + options.policy() + " (only LWW is exported)");
    }
    if (options.clock().kind() != ClockKind.HLC) {
      return Optional.of(
          "clock " + options.clock().kind() + " (KvCrdt.tla models HLC and WALL, not Lamport)");
    }
    if (options.sync() == SyncKind.SEQUENCER) {
      return Optional.of("the sequencer (not a replicated run)");
    }
    if (options.sync() == SyncKind.STATE) {
      return Optional.of(
          "state gossip (a merge applies whole states and reports no per-change apply)");
    }
    for (FaultKind f : options.faults()) {
      if (UNMODELLED.contains(f)) {
        return Optional.of("fault " + f.optionName() + " (not in KvCrdt.tla)");
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code options}' own schedule keeping the trace, for export.
   *
   * @throws IllegalArgumentException if the options cannot be exported
   */
  public static SimulationOutcome run(SimulationOptions options) {
    unsupportedTraced(options)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException("cannot export a trace: " + why);
            });
    return Simulation.run(options, Simulation.plan(options), List.of(), true);
  }

  /** Runs {@code options} and exports the run. */
  public static List<String> export(SimulationOptions options) {
    return export(run(options));
  }

  /** Writes {@link #export(SimulationOutcome)} to {@code file}, one line each. */
  public static void write(SimulationOutcome outcome, Path file) {
    try {
      Files.write(file, export(outcome), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The NDJSON lines of {@code outcome}.
   *
   * @throws IllegalArgumentException if the run cannot be exported or did not keep its trace
   */
  public static List<String> export(SimulationOutcome outcome) {
    SimulationOptions options = outcome.options();
    unsupportedTraced(options)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException("cannot export a trace: " + why);
            });
    if (outcome.events().isEmpty()) {
      throw new IllegalArgumentException("the run did not keep its events (keepTrace=false)");
    }
    return new TraceExport(outcome).lines();
  }
}

package dev.entente.campaign;

import dev.entente.impl.sync.ReconcileProtocol;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.sync.SyncKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Set reconciliation (issue 11): what RBSR, the Merkle tree, rateless IBLT, Bloom sync and the
 * version-vector delta cost in round trips and bytes as the difference D grows over a fixed N (one
 * in-memory reconciliation per cell, as {@code entente reconcile}); what ids mined against
 * Automerge's unkeyed filter do to Bloom sync, unkeyed and keyed; and whether the simulator's
 * {@code rbsr}, {@code merkle} and {@code bloom} sync kinds converge under the default profile's
 * faults (loss, duplication, reordering, partitions, crashes), beside {@code delta}. The in-memory
 * cells are deterministic, so they run once (the plan's first seed); the simulated variants run the
 * plan's seeds. Immutable.
 */
final class ReconcileExperiment extends SimulatedExperiment<SyncMetrics> {
  static final String ID = "reconcile";

  static final List<ReconcileProtocol> PROTOCOLS =
      List.of(
          ReconcileProtocol.RBSR,
          ReconcileProtocol.MERKLE,
          ReconcileProtocol.IBLT,
          ReconcileProtocol.BLOOM,
          ReconcileProtocol.DELTA);

  static final List<Integer> DIFFERENCES = List.of(1, 10, 100, 1000);

  static final List<SyncKind> KINDS =
      List.of(SyncKind.DELTA, SyncKind.RBSR, SyncKind.MERKLE, SyncKind.BLOOM);

  private final SyncExperiment sync;

  ReconcileExperiment(CampaignPlan plan) {
    super(plan, ID, SyncMetrics.class);
    this.sync = new SyncExperiment(plan);
  }

  /** N of the table: 10^4 in quick mode, 10^5 otherwise (10^6 is the README's, by the command). */
  int items() {
    return plan.mode() == CampaignMode.QUICK ? 10_000 : 100_000;
  }

  /** The numbers of mined ids of the poisoned runs. */
  List<Integer> poisoned() {
    return plan.mode() == CampaignMode.QUICK ? List.of(10, 100) : List.of(10, 100, 1000);
  }

  @Override
  Map<String, Variant> variants() {
    Map<String, Variant> out = new LinkedHashMap<>();
    for (SyncKind k : KINDS) {
      Overrides o = Overrides.NONE.withSync(k).withPolicy(RegisterPolicy.LWW);
      out.put(k.optionName() + "/faults", new Variant(Profile.DEFAULT, o));
    }
    return out;
  }

  @Override
  SyncMetrics measure(
      SimRun run, RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index) {
    return sync.measure(run, spec, result, index);
  }

  @Override
  public List<RunSpec> specs() {
    List<RunSpec> out = new ArrayList<>();
    long seed = plan.firstSeed();
    for (int d : DIFFERENCES) {
      for (ReconcileProtocol p : PROTOCOLS) {
        out.add(inMemory(ReconcileMeasure.tableVariant(p, items(), d), seed));
      }
    }
    for (int k : poisoned()) {
      for (boolean keyed : List.of(false, true)) {
        out.add(inMemory(ReconcileMeasure.poisonVariant(keyed, items(), k), seed));
      }
    }
    for (RunSpec s : super.specs()) {
      if (s.seed() <= lastSimulatedSeed()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Quick mode simulates the first 4 seeds only (its time budget); other modes all of them. */
  long lastSimulatedSeed() {
    return plan.mode() == CampaignMode.QUICK
        ? Math.min(plan.lastSeed(), plan.firstSeed() + 3)
        : plan.lastSeed();
  }

  private RunSpec inMemory(String variant, long seed) {
    // The profile is unused: an in-memory cell runs no simulation.
    return RunSpec.of(ID, variant, seed, Profile.DEFAULT, Overrides.NONE);
  }

  @Override
  public RunRecord run(RunSpec spec) {
    if (!spec.variant().startsWith("table/") && !spec.variant().startsWith("poison/")) {
      return super.run(spec);
    }
    RunKey key = new RunKey(ID, spec.variant(), spec.seed());
    try {
      return new RunRecord(key, spec.index(), ReconcileMeasure.run(spec.variant(), spec.seed()));
    } catch (RuntimeException e) {
      return RunRecord.crashed(key, spec.index(), command(spec), e);
    }
  }

  /** The command that repeats an in-memory cell. */
  static String command(RunSpec spec) {
    String[] part = spec.variant().split("/", -1);
    String protocol = part[1].equals("bloom-keyed") ? "bloom --keyed" : part[1];
    String sizes =
        part[0].equals("poison")
            ? " --items "
                + part[2]
                + " --missing "
                + ReconcileMeasure.POISON_MISSING
                + " --poisoned "
                + part[3]
            : " --items " + part[2] + " --missing " + part[3];
    return "./entente reconcile --protocol " + protocol + sizes + " --seed " + spec.seed();
  }

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    return ReconcileReport.of(this, records, byVariant(records));
  }

  /** The simulated seeds, as the setup names them. */
  String seeds() {
    return "seeds " + plan.firstSeed() + ".." + lastSimulatedSeed() + " per variant";
  }
}

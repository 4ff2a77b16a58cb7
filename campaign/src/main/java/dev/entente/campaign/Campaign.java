package dev.entente.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The campaign as data: a {@link CampaignPlan} gives the experiments, their run specs (numbered in
 * one list, which {@link #shard} splits), one record per spec, and the results sections from all
 * records. The caller runs the specs however it likes (any order, any thread, any machine): a
 * record depends only on its spec, and the sections only on the set of records. Stateless.
 */
public final class Campaign {
  /**
   * Every section, in report order. {@code tlc}, {@code benchmarks} and {@code quality} have no
   * simulated runs: their records come from {@link TlcStep}, {@link BenchStep} and {@link
   * QualityStep}.
   */
  public static final List<String> SECTIONS =
      List.of(
          ClocksExperiment.ID,
          PoliciesExperiment.ID,
          SyncExperiment.ID,
          SequencerExperiment.ID,
          MutantsExperiment.ID,
          TlcSection.ID,
          BenchmarksSection.ID,
          QualitySection.ID,
          StorageExperiment.ID,
          SchemaRolloutExperiment.ID,
          PeersExperiment.ID,
          JepsenSection.ID,
          TrustExperiment.ID,
          ReconcileExperiment.ID);

  private Campaign() {}

  /** The simulated experiments the plan includes, in report order. */
  public static List<Experiment> experiments(CampaignPlan plan) {
    List<Experiment> out = new ArrayList<>();
    for (String id : plan.sections()) {
      switch (id) {
        case ClocksExperiment.ID -> out.add(new ClocksExperiment(plan));
        case PoliciesExperiment.ID -> out.add(new PoliciesExperiment(plan));
        case SyncExperiment.ID -> out.add(new SyncExperiment(plan));
        case SequencerExperiment.ID -> out.add(new SequencerExperiment(plan));
        case MutantsExperiment.ID -> out.add(new MutantsExperiment(plan));
        case StorageExperiment.ID -> out.add(new StorageExperiment(plan));
        case SchemaRolloutExperiment.ID -> out.add(new SchemaRolloutExperiment(plan));
        case PeersExperiment.ID -> out.add(new PeersExperiment(plan));
        case TrustExperiment.ID -> out.add(new TrustExperiment(plan));
        case ReconcileExperiment.ID -> out.add(new ReconcileExperiment(plan));
        default -> {
          // tlc and benchmarks have no simulated runs.
        }
      }
    }
    return out;
  }

  /** Every spec of the plan, numbered from 0 in experiment order. */
  public static List<RunSpec> specs(CampaignPlan plan) {
    List<RunSpec> out = new ArrayList<>();
    for (Experiment e : experiments(plan)) {
      for (RunSpec s : e.specs()) {
        out.add(s.at(out.size()));
      }
    }
    return out;
  }

  /** Runs one spec of the plan. */
  public static RunRecord run(CampaignPlan plan, RunSpec spec) {
    for (Experiment e : experiments(plan)) {
      if (e.id().equals(spec.experiment())) {
        return e.run(spec);
      }
    }
    throw new IllegalArgumentException("the plan has no experiment " + spec.experiment());
  }

  /** The plan's sections, from all records (in any order, from any shards). */
  public static List<ExperimentReport> aggregate(CampaignPlan plan, List<RunRecord> records) {
    List<ExperimentReport> out = new ArrayList<>();
    List<Experiment> simulated = experiments(plan);
    for (String id : plan.sections()) {
      if (id.equals(TlcSection.ID)) {
        out.add(TlcSection.aggregate(records));
      } else if (id.equals(BenchmarksSection.ID)) {
        out.add(BenchmarksSection.aggregate(records));
      } else if (id.equals(QualitySection.ID)) {
        out.add(QualitySection.aggregate(records));
      } else if (id.equals(JepsenSection.ID)) {
        out.add(JepsenSection.aggregate(records));
      } else {
        for (Experiment e : simulated) {
          if (e.id().equals(id)) {
            out.add(e.aggregate(records));
          }
        }
      }
    }
    return out;
  }

  /**
   * The records in their canonical order: by section (report order), then index, then key. Any set
   * of records (from one run or merged shards) has one canonical list, so equal sets write equal
   * {@code runs.jsonl} files.
   */
  public static List<RunRecord> canonical(List<RunRecord> records) {
    List<RunRecord> out = new ArrayList<>(records);
    out.sort(
        Comparator.comparingInt((RunRecord r) -> SECTIONS.indexOf(r.experiment()))
            .thenComparingInt(RunRecord::index)
            .thenComparing(RunRecord::key));
    return out;
  }
}

package dev.entente.simulations.campaign;

import java.util.List;

/**
 * One experiment of the campaign, bound to a {@link CampaignPlan}: its run specs, how one spec
 * becomes a raw record, and how all records become a results section. Implementations are
 * immutable; {@link #run} and {@link #aggregate} are pure functions of their arguments.
 */
public interface Experiment {
  /** The id, as {@code --only} and {@code results.json} spell it. */
  String id();

  /** The specs, in a fixed order (index not yet assigned). */
  List<RunSpec> specs();

  /** Runs one spec and extracts its metrics. */
  RunRecord run(RunSpec spec);

  /**
   * The section, from this experiment's records (in any order; the aggregator sorts them). Must
   * work on any subset, including none.
   */
  Section aggregate(List<RunRecord> records);
}

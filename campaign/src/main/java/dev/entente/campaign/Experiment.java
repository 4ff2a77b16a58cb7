package dev.entente.campaign;

import java.util.List;

/**
 * One experiment of the campaign, bound to a {@link CampaignPlan}: its run specs, how one spec
 * becomes a typed record, and how all records become a results section. Implementations are
 * immutable; {@link #run} and {@link #aggregate} are pure functions of their arguments.
 */
public interface Experiment {
  /** The id, as {@code --only} and {@code results.json} spell it. */
  String id();

  /** The specs, in a fixed order (index not yet assigned). */
  List<RunSpec> specs();

  /**
   * Runs one spec and extracts its metrics. A run that throws becomes a {@link CrashedRun} record
   * with the whole stack trace; it never ends the campaign.
   */
  RunRecord run(RunSpec spec);

  /**
   * The section, from the campaign's records (in any order; others than this experiment's are
   * ignored). Must work on any subset, including none.
   */
  ExperimentReport aggregate(List<RunRecord> records);
}

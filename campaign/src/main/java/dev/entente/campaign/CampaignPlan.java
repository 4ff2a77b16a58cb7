package dev.entente.campaign;

import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * What a campaign runs: the mode, the seeds {@code firstSeed .. firstSeed + seedCount - 1} of every
 * simulated variant, and the sections to produce (a subset of {@link Campaign#SECTIONS}, kept in
 * that order). Immutable.
 */
public record CampaignPlan(
    CampaignMode mode, long firstSeed, int seedCount, List<String> sections) {
  /** Validates, and puts the sections in the campaign's order. */
  public CampaignPlan {
    Check.argument(mode != null, "mode must not be null");
    Check.argument(seedCount >= 1, "seedCount must be >= 1, was %d", seedCount);
    Check.argument(firstSeed >= 0, "firstSeed must be >= 0, was %d", firstSeed);
    for (String s : sections) {
      Check.argument(
          Campaign.SECTIONS.contains(s),
          "unknown experiment '%s'; expected some of %s",
          s,
          String.join(", ", Campaign.SECTIONS));
    }
    List<String> ordered = new ArrayList<>();
    for (String s : Campaign.SECTIONS) {
      if (sections.contains(s)) {
        ordered.add(s);
      }
    }
    Check.argument(!ordered.isEmpty(), "a campaign needs at least one experiment");
    sections = List.copyOf(ordered);
  }

  /** Every section, {@code mode}'s default seed count, seeds from 1. */
  public static CampaignPlan of(CampaignMode mode) {
    return new CampaignPlan(mode, 1, mode.defaultSeeds(), Campaign.SECTIONS);
  }

  /** True if the plan produces section {@code id}. */
  public boolean includes(String id) {
    return sections.contains(id);
  }

  /** The last seed of every variant. */
  public long lastSeed() {
    return firstSeed + seedCount - 1;
  }
}

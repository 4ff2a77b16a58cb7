package dev.entente.campaign;

import java.util.Locale;

/**
 * How big a campaign is: the default seed count per variant and the seed budget each mutant hunt
 * gets. Immutable.
 */
public enum CampaignMode {
  /** Under a minute on 2 cores, benchmarks included. */
  QUICK(8, 10),
  /** Under ten minutes on 2 cores. */
  DEFAULT(40, 40),
  /** For publishing. */
  FULL(200, 100);

  private final int seeds;
  private final int mutantBudget;

  CampaignMode(int seeds, int mutantBudget) {
    this.seeds = seeds;
    this.mutantBudget = mutantBudget;
  }

  /** Seeds per variant when {@code --seeds} is not given. */
  public int defaultSeeds() {
    return seeds;
  }

  /** Seeds each mutant may survive before the hunt gives up. */
  public int mutantBudget() {
    return mutantBudget;
  }

  /** The option name: {@code quick}, {@code default} or {@code full}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an option name. */
  public static CampaignMode parse(String name) {
    for (CampaignMode m : values()) {
      if (m.optionName().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a campaign mode; expected quick, default or full");
  }
}

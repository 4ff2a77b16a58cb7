package dev.entente.campaign;

import dev.entente.model.Check;
import java.util.Comparator;

/**
 * What identifies a record in a campaign: the experiment, the variant (a clock, a policy, a mutant,
 * a TLC model, a benchmark ratio, or {@code status} for a step's status record) and the seed (0
 * where there is none). Two records with one key are the same run, which is how {@code entente
 * report merge} recognises a run that two shard directories both hold. Immutable.
 */
public record RunKey(String experiment, String variant, long seed) implements Comparable<RunKey> {
  private static final Comparator<RunKey> ORDER =
      Comparator.comparing(RunKey::experiment)
          .thenComparing(RunKey::variant)
          .thenComparingLong(RunKey::seed);

  /** Validates. */
  public RunKey {
    Check.argument(
        experiment != null && !experiment.isBlank(), "a run key needs an experiment: %s", variant);
    Check.argument(
        variant != null && !variant.isBlank(), "a run key needs a variant: %s", experiment);
  }

  @Override
  public int compareTo(RunKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return experiment + "/" + variant + "/seed " + seed;
  }
}

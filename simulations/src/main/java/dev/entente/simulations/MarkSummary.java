package dev.entente.simulations;

import dev.entente.model.coverage.MarkCatalogue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The coverage marks of many runs, for a campaign report: per mark of the catalogue, the total
 * hits, the number of runs that hit it and the smallest seed that did (the one to replay to reach
 * the path). Marks no run reached are listed too, with zero runs: an unreached mark is a finding.
 * Immutable.
 *
 * @param runs how many runs were summed
 * @param byMark every mark of the catalogue, by name
 */
public record MarkSummary(long runs, SortedMap<String, MarkSummary.Tally> byMark) {
  /**
   * One mark over the runs.
   *
   * @param hits total hits over all runs
   * @param runsHit runs that hit the mark at least once
   * @param firstSeed the smallest seed of such a run; empty if no run did
   */
  public record Tally(long hits, long runsHit, OptionalLong firstSeed) {
    /** An unreached mark. */
    static final Tally NONE = new Tally(0, 0, OptionalLong.empty());

    /** True if some run hit the mark. */
    public boolean reached() {
      return runsHit > 0;
    }

    /** This tally plus one run with {@code n > 0} hits under {@code seed}. */
    Tally plus(long n, long seed) {
      long first = firstSeed.isPresent() ? Math.min(firstSeed.getAsLong(), seed) : seed;
      return new Tally(hits + n, runsHit + 1, OptionalLong.of(first));
    }
  }

  /** Copies the map. */
  public MarkSummary {
    byMark = Collections.unmodifiableSortedMap(new TreeMap<>(byMark));
  }

  /**
   * Sums the marks of {@code outcomes} over {@code catalogue}. A pure function of its arguments.
   *
   * @throws IllegalArgumentException if an outcome counts a mark the catalogue does not know
   */
  public static MarkSummary of(MarkCatalogue catalogue, List<SimulationOutcome> outcomes) {
    SortedMap<String, Tally> byMark = new TreeMap<>();
    for (String name : catalogue.names()) {
      byMark.put(name, Tally.NONE);
    }
    for (SimulationOutcome o : outcomes) {
      catalogue.requireKnown(o.marks());
      long seed = o.options().seed();
      o.marks()
          .forEach(
              (name, n) -> {
                if (n > 0) {
                  // requireKnown above: every name is in the catalogue, so the default is never
                  // used.
                  byMark.put(name, byMark.getOrDefault(name, Tally.NONE).plus(n, seed));
                }
              });
    }
    return new MarkSummary(outcomes.size(), byMark);
  }

  /** The marks no run reached, sorted by name. */
  public List<String> unreached() {
    List<String> out = new ArrayList<>();
    byMark.forEach(
        (name, t) -> {
          if (!t.reached()) {
            out.add(name);
          }
        });
    return out;
  }
}

package dev.entente.histories.interchange;

import dev.entente.model.Change;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the causal predecessors a change still waits for, for the diagnostics of a replayed change
 * log: the dots the change has seen that a replica with version vector {@code have} lacks, as
 * ranges per replica such as {@code B:2..4} ({@code B:2} for one dot), in the order of the change's
 * version vector. Stateless.
 */
public final class MissingDots {
  private MissingDots() {}

  /** The ranges {@code change} has seen beyond {@code have}, joined by {@code ", "}. */
  public static String ranges(Change change, VersionVector have) {
    List<String> ranges = new ArrayList<>();
    change
        .seen()
        .entries()
        .forEach(
            (replica, seen) -> {
              long from = have.get(replica) + 1;
              if (from == seen) {
                ranges.add(replica + ":" + seen);
              } else if (from < seen) {
                ranges.add(replica + ":" + from + ".." + seen);
              }
            });
    return String.join(", ", ranges);
  }
}

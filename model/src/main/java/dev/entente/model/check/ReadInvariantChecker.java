package dev.entente.model.check;

import dev.entente.model.Check;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.history.History;
import java.util.List;
import java.util.function.Function;

/**
 * A workload's own invariant over what readers see ("impossible states"): every completed read's
 * map must satisfy it. The invariant returns its violations as sentences, empty when satisfied.
 */
public final class ReadInvariantChecker implements Checker<History> {
  private final String name;
  private final Function<MaterialisedMap, List<String>> invariant;

  /** A checker named {@code name} applying {@code invariant} to every read. */
  public ReadInvariantChecker(String name, Function<MaterialisedMap, List<String>> invariant) {
    Check.argument(name != null && invariant != null, "name and invariant must not be null");
    this.name = name;
    this.invariant = invariant;
  }

  @Override
  public CheckResult check(History history) {
    KvHistoryIndex index = new KvHistoryIndex(history);
    for (KvHistoryIndex.Read r : index.reads()) {
      List<String> violations = invariant.apply(r.view());
      if (!violations.isEmpty()) {
        return CheckResult.invalid(
            name,
            "read at index "
                + r.index()
                + " on "
                + r.replica()
                + ": "
                + violations.get(0)
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
      }
    }
    return CheckResult.valid(name, index.reads().size() + " reads satisfy the invariant");
  }
}

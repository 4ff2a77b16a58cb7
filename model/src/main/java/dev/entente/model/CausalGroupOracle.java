package dev.entente.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * First-principles semantics of the causal-group policy, which never shows a group of keys as a mix
 * of two concurrent changes' fields (the seed article's "impossible states").
 *
 * <p>For each group {@code g} (see {@link KeyGroups}):
 *
 * <ol>
 *   <li>{@code W(g)} is the set of changes that write at least one key of {@code g};
 *   <li>the group's <em>winner</em> is the greatest change of {@code W(g)} in {@link
 *       Write#CHANGE_ORDER} (timestamp, author, seq);
 *   <li>the group's <em>view</em> is the winner together with every change of {@code W(g)} the
 *       winner has seen ({@link Change#hasSeen});
 *   <li>each key {@code k} of {@code g} resolves by per-key LWW over the writes to {@code k} in the
 *       view only: the greatest in {@link Write#LWW_ORDER}; a delete or no write means absent.
 * </ol>
 *
 * <p>So every key of a group shows either the winner's write or a write the winner's author had
 * seen when it wrote. A write concurrent with the winner is dropped from the whole group, even on
 * keys the winner did not touch: that is the price of never mixing two concurrent edits, and the
 * campaign measures it as "concurrent field edits lost". With singleton groups the policy is
 * per-key LWW.
 */
public final class CausalGroupOracle {
  private CausalGroupOracle() {}

  /** The map the changes produce; duplicates are ignored, conflicting dots rejected. */
  public static MaterialisedMap materialise(Collection<Change> changes, KeyGroups groups) {
    Map<String, List<Write>> byGroup = new TreeMap<>();
    for (Change c : ChangeSet.of(changes).values()) {
      for (int i = 0; i < c.ops().size(); i++) {
        Write w = new Write(c, i);
        byGroup.computeIfAbsent(groups.groupOf(w.key()), g -> new ArrayList<>()).add(w);
      }
    }
    Map<Key, Value> values = new TreeMap<>();
    for (List<Write> writes : byGroup.values()) {
      resolveGroup(writes, values);
    }
    return MaterialisedMap.ofSingle(values);
  }

  /** The winner of a group given all writes to its keys; empty if there are none. */
  public static Optional<Change> winner(List<Write> groupWrites) {
    return groupWrites.stream().map(Write::change).max(Write.CHANGE_ORDER);
  }

  private static void resolveGroup(List<Write> writes, Map<Key, Value> out) {
    Change winner = winner(writes).orElseThrow();
    Map<Key, Write> best = new TreeMap<>();
    for (Write w : writes) {
      boolean inView = w.change().dot().equals(winner.dot()) || winner.hasSeen(w.change());
      if (inView) {
        best.merge(w.key(), w, (a, b) -> Write.LWW_ORDER.compare(a, b) >= 0 ? a : b);
      }
    }
    best.forEach(
        (k, w) -> {
          if (w.op() instanceof Op.Put put) {
            out.put(k, put.value());
          }
        });
  }
}

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
 * <p>For a set {@code S} of changes and a group {@code g} (see {@link KeyGroups}), the group's view
 * is defined recursively:
 *
 * <ol>
 *   <li>{@code W(g, S)} is the set of changes in {@code S} that write at least one key of {@code
 *       g}; if it is empty, every key of {@code g} is absent;
 *   <li>otherwise the <em>winner</em> {@code w} is the greatest change of {@code W(g, S)} in {@link
 *       Write#CHANGE_ORDER} (timestamp, author, seq);
 *   <li>{@code view(g, S) = apply(w, view(g, {c in S : w has seen c}))}: the winner's ops on keys
 *       of {@code g}, in order (a put sets the key, a delete removes it), applied on top of the
 *       view of the changes the winner had seen.
 * </ol>
 *
 * <p>So a group always shows what the winner's author was shown when it wrote, plus the winner's
 * own edit, provided replicas deliver causally (an author then declares as seen exactly what it was
 * shown; {@code impl}'s causal-group replicas buffer for this): if every author keeps a group's
 * invariant with respect to what it was shown (for example {@code start < end}), every replica
 * shows a state that keeps it. A replica that showed a change beyond a gap in what it had received
 * would break this, which the TLA+ model {@code MCKvCrdtGroupAnyOrder} demonstrates. Changes
 * concurrent with the winner are dropped from the whole group, even on keys the winner did not
 * touch: that is the price of never mixing two concurrent edits, and the campaign measures it as
 * "concurrent field edits lost". With singleton groups the policy is per-key LWW.
 *
 * <p>The recursion uses the changes of {@code S} the winner has seen, not all it has seen: when a
 * replica has not yet delivered part of the winner's past, it shows the view reconstructed from
 * what it has, and every replica holding the same set shows the same view.
 */
public final class CausalGroupOracle {
  private CausalGroupOracle() {}

  /** The map the changes produce; duplicates are ignored, conflicting dots rejected. */
  public static MaterialisedMap materialise(Collection<Change> changes, KeyGroups groups) {
    Map<String, List<Change>> byGroup = new TreeMap<>();
    for (Change c : ChangeSet.of(changes).values()) {
      c.ops().stream()
          .map(op -> groups.groupOf(op.key()))
          .distinct()
          .forEach(g -> byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(c));
    }
    Map<Key, Value> values = new TreeMap<>();
    byGroup.forEach((g, writers) -> values.putAll(view(g, writers, groups)));
    return MaterialisedMap.ofSingle(values);
  }

  /** The winner among changes writing one group; empty if there are none. */
  public static Optional<Change> winner(Collection<Change> groupWriters) {
    return groupWriters.stream().max(Write.CHANGE_ORDER);
  }

  /** {@code view(g, S)} for the changes of {@code S} that write group {@code g}. */
  private static Map<Key, Value> view(String group, List<Change> writers, KeyGroups groups) {
    Optional<Change> winner = winner(writers);
    if (winner.isEmpty()) {
      return new TreeMap<>();
    }
    Change w = winner.get();
    List<Change> seen = writers.stream().filter(w::hasSeen).toList();
    Map<Key, Value> view = view(group, seen, groups);
    for (Op op : w.ops()) {
      if (!groups.groupOf(op.key()).equals(group)) {
        continue;
      }
      if (op instanceof Op.Put put) {
        view.put(op.key(), put.value());
      } else {
        view.remove(op.key());
      }
    }
    return view;
  }
}

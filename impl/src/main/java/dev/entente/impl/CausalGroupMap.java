package dev.entente.impl;

import dev.entente.impl.coverage.CompactionMark;
import dev.entente.impl.coverage.ImplMark;
import dev.entente.impl.gc.Swept;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.Value;
import dev.entente.model.Verify;
import dev.entente.model.VersionVector;
import dev.entente.model.Write;
import dev.entente.model.coverage.Coverage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The causal-group map: keys are partitioned into groups by {@link KeyGroups}, and each group shows
 * the view of its winning change (the greatest change writing the group, in {@link
 * Write#CHANGE_ORDER}): the winner's writes plus the writes of changes the winner had seen, each
 * key resolved by LWW among those. A group is therefore never a mix of two concurrent changes'
 * fields. {@code dev.entente.model.CausalGroupOracle} states the semantics from first principles.
 *
 * <p>Because a later winner may have seen writes that an earlier winner had not, every change that
 * wrote a group is kept (a grow-only set per group), and a group's view is recomputed lazily when
 * the group changes. Merge is set union. Pruning writes no future winner can show is left to the
 * compaction issue: it needs knowledge of what every replica has seen.
 */
public final class CausalGroupMap implements KvMap {
  private final KeyGroups groups;
  private final Map<String, Group> byGroup = new HashMap<>();

  /** An empty map using {@code groups} to partition keys. */
  public CausalGroupMap(KeyGroups groups) {
    Check.argument(groups != null, "key groups must not be null");
    this.groups = groups;
  }

  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.CAUSAL_GROUP;
  }

  @Override
  public void apply(Change change) {
    List<Op> ops = change.ops();
    for (int i = 0; i < ops.size(); i++) {
      // A lookup, not computeIfAbsent: a bound method reference would be built on every op.
      String name = groups.groupOf(ops.get(i).key());
      Group g = byGroup.get(name);
      if (g == null) {
        g = newGroup(name);
        byGroup.put(name, g);
      }
      g.add(change);
    }
  }

  @Override
  public void mergeFrom(KvMap other) {
    CausalGroupMap o = group(other);
    o.byGroup.forEach(
        (name, g) -> {
          Group mine = byGroup.computeIfAbsent(name, this::newGroup);
          g.changes.values().forEach(mine::add);
        });
  }

  @Override
  public boolean isLessOrEqual(KvMap other) {
    CausalGroupMap o = group(other);
    for (Map.Entry<String, Group> e : byGroup.entrySet()) {
      Group theirs = o.byGroup.get(e.getKey());
      if (theirs == null || !theirs.changes.keySet().containsAll(e.getValue().changes.keySet())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public CausalGroupMap copy() {
    CausalGroupMap c = new CausalGroupMap(groups);
    c.mergeFrom(this);
    return c;
  }

  @Override
  public MaterialisedMap materialise() {
    TreeMap<Key, Value> values = new TreeMap<>();
    for (Group g : byGroup.values()) {
      g.view()
          .forEach(
              (k, w) -> {
                if (w.op() instanceof Op.Put put) {
                  values.put(k, put.value());
                }
              });
    }
    return MaterialisedMap.ofSingle(values);
  }

  /**
   * Deletes that resolve their key within its group's current view. Every change of a group is kept
   * (see the class comment), so this undercounts storage; {@link #storedChangeCount} is the storage
   * figure.
   */
  @Override
  public long tombstoneCount() {
    long n = 0;
    for (Group g : byGroup.values()) {
      for (Write w : g.view().values()) {
        n += w.op() instanceof Op.Delete ? 1 : 0;
      }
    }
    return n;
  }

  /**
   * One entry per kept change: its header with its {@code seen} vector (the chain is built from it)
   * and, from each group that keeps it, its last op per key of that group.
   */
  @Override
  public List<Change> snapshotEntries() {
    Map<Dot, SnapshotEntries.Trimmed> byDot = new TreeMap<>();
    byGroup.forEach(
        (name, g) -> {
          for (Change c : g.changes.values()) {
            SnapshotEntries.Trimmed t =
                byDot.computeIfAbsent(c.dot(), d -> new SnapshotEntries.Trimmed(c));
            for (Op op : c.ops()) {
              if (groups.groupOf(op.key()).equals(name)) {
                t.ops.put(op.key(), op);
              }
            }
          }
        });
    List<Change> out = new ArrayList<>(byDot.size());
    for (SnapshotEntries.Trimmed t : byDot.values()) {
      out.add(t.build(t.original.seen()));
    }
    return out;
  }

  @Override
  public void restore(List<Change> entries, VersionVector context) {
    Check.argument(byGroup.isEmpty(), "restore needs an empty causal-group map");
    entries.forEach(this::apply);
  }

  /**
   * Collapses every group whose changes are all stable into one change: the group's winner, holding
   * the group's current view. Every future change has seen the whole group, so its chain reaches
   * the winner first among the group's old changes and then only the winner's own chain: the view
   * is all it can ever read of them. Deletes in the view are dropped unless nothing else is left
   * (the winner must stay, to keep out future changes it has not seen that order below it).
   */
  @Override
  public Swept collectGarbage(VersionVector stable, boolean monotoneClock) {
    long changes = 0;
    long tombstones = 0;
    for (Group g : byGroup.values()) {
      if (!g.changes.values().stream().allMatch(c -> stable.covers(c.dot()))) {
        continue;
      }
      TreeMap<Key, Write> view = new TreeMap<>(g.view());
      List<Op> ops = new ArrayList<>();
      view.forEach(
          (k, w) -> {
            if (w.op() instanceof Op.Put) {
              ops.add(w.op());
            }
          });
      if (ops.isEmpty()) {
        ops.add(view.firstEntry().getValue().op());
      }
      if (g.changes.size() == 1 && ops.size() == view.size()) {
        continue;
      }
      tombstones += view.size() - ops.size();
      changes += g.collapse(ops);
      Coverage.mark(CompactionMark.GC_GROUP_COLLAPSED);
    }
    return new Swept(tombstones, changes, HlcTimestamp.ZERO);
  }

  /** Changes stored across groups (a change writing several groups counts once per group). */
  public long storedChangeCount() {
    long n = 0;
    for (Group g : byGroup.values()) {
      n += g.changes.size();
    }
    return n;
  }

  @Override
  public void checkRep() {
    byGroup.forEach(
        (name, g) -> {
          Verify.that(!g.changes.isEmpty(), "causal group %s is empty", name);
          Verify.that(g.name.equals(name), "causal group %s is filed under %s", g.name, name);
          for (Change c : g.changes.values()) {
            Verify.that(
                c.ops().stream().anyMatch(op -> groups.groupOf(op.key()).equals(name)),
                "causal group %s holds change %s that writes none of its keys",
                name,
                c.dot());
          }
        });
  }

  private Group newGroup(String name) {
    return new Group(name, groups);
  }

  /**
   * The changes that wrote one group, and its cached view and winners' chain. A change arriving
   * while the view is cached updates it in place when it provably leaves the chain alone (a change
   * below the winner that some link above it has not seen) or extends it on top (a new winner that
   * has seen the old winner and all it had seen); only other arrivals drop the cache, so a hot
   * group written in causal order never recomputes its view.
   */
  private static final class Group {
    private final String name;
    private final KeyGroups groups;
    private final TreeMap<Dot, Change> changes = new TreeMap<>();
    // Null until the view is first asked for and after every change that invalidates it; the chain
    // (oldest link first) is cached with the view and null exactly when it is.
    private @Nullable Map<Key, Write> cachedView;
    private @Nullable List<Change> cachedChain;
    // The greatest change so far (null before the first), kept only to mark how a new change
    // competes with it: the view itself is computed lazily, and marks there would count reads
    // rather than arrivals.
    private @Nullable Change winner;

    Group(String name, KeyGroups groups) {
      this.name = name;
      this.groups = groups;
    }

    /** Replaces every change with the winner holding {@code ops}; returns the changes dropped. */
    long collapse(List<Op> ops) {
      Change w = java.util.Collections.max(changes.values(), Write.CHANGE_ORDER);
      Change collapsed = new Change(w.author(), w.seq(), w.timestamp(), w.seen(), ops);
      long dropped = changes.size() - 1L;
      changes.clear();
      changes.put(collapsed.dot(), collapsed);
      cachedView = null;
      cachedChain = null;
      return dropped;
    }

    void add(Change c) {
      if (changes.putIfAbsent(c.dot(), c) == null) {
        updateCache(c);
        markArrival(c);
      }
    }

    /** Keeps the cached view and chain true of the changes with {@code c} added. */
    private void updateCache(Change c) {
      Map<Key, Write> view = cachedView;
      List<Change> chain = cachedChain;
      if (view == null || chain == null) {
        return;
      }
      Change head = chain.get(chain.size() - 1);
      if (Write.CHANGE_ORDER.compare(c, head) > 0) {
        // Every link below the head was seen by it, so seeing the head and all it saw covers them.
        if (hasSeen(c, head) && c.seen().dominates(head.seen())) {
          chain.add(c);
          putWrites(view, c);
          return;
        }
      } else if (!seenByLinksAbove(chain, c)) {
        return;
      }
      cachedView = null;
      cachedChain = null;
    }

    private static boolean seenByLinksAbove(List<Change> chain, Change c) {
      for (int i = chain.size() - 1; i >= 0; i--) {
        Change link = chain.get(i);
        if (Write.CHANGE_ORDER.compare(link, c) < 0) {
          return true;
        }
        if (!hasSeen(link, c)) {
          return false;
        }
      }
      return true;
    }

    private void markArrival(Change c) {
      if (winner == null || Write.CHANGE_ORDER.compare(c, winner) > 0) {
        if (winner != null && !hasSeen(c, winner)) {
          Coverage.mark(ImplMark.GROUP_WINNER_REPLACED_CONCURRENT);
        }
        winner = c;
      } else if (!hasSeen(winner, c)) {
        Coverage.mark(ImplMark.GROUP_LATE_CONCURRENT_LOSES);
      }
    }

    /** {@link Change#hasSeen}, without building the dot it looks up (this runs on every add). */
    private static boolean hasSeen(Change c, Change other) {
      return c.seen().get(other.author()) >= other.seq();
    }

    /** Each key of the group to its resolved write (a delete when the key is absent). */
    Map<Key, Write> view() {
      Map<Key, Write> view = cachedView;
      if (view == null) {
        List<Change> chain = computeChain();
        view = new HashMap<>();
        for (Change link : chain) {
          putWrites(view, link);
        }
        cachedView = view;
        cachedChain = chain;
      }
      return view;
    }

    private void putWrites(Map<Key, Write> view, Change w) {
      for (int i = 0; i < w.ops().size(); i++) {
        Write write = new Write(w, i);
        if (groups.groupOf(write.key()).equals(name)) {
          view.put(write.key(), write);
        }
      }
    }

    /**
     * Walks the winners' chain: the greatest change, then the greatest change it had seen, then the
     * greatest of those the latter had seen, and so on; then replays their writes oldest first. One
     * pass over the changes in descending order finds the chain, because each next link is the
     * first change every link so far has seen. Returns the chain oldest link first.
     */
    private List<Change> computeChain() {
      List<Change> descending = new ArrayList<>(changes.values());
      descending.sort(Write.CHANGE_ORDER.reversed());
      List<Change> chain = new ArrayList<>();
      // While every link's seen dominates the newest link's, "seen by every link" is "seen by the
      // newest": one check per change instead of one per link (a causal chain stays so throughout).
      boolean nested = true;
      for (Change c : descending) {
        Change newest = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        if (nested && newest != null ? newest.hasSeen(c) : seenByAll(chain, c)) {
          nested = nested && (newest == null || newest.seen().dominates(c.seen()));
          chain.add(c);
        }
      }
      Collections.reverse(chain);
      return chain;
    }

    private static boolean seenByAll(List<Change> chain, Change c) {
      // The newest link is the likeliest not to have seen c, so it is checked first.
      for (int i = chain.size() - 1; i >= 0; i--) {
        if (!chain.get(i).hasSeen(c)) {
          return false;
        }
      }
      return true;
    }
  }

  private static CausalGroupMap group(KvMap other) {
    Check.argument(
        other instanceof CausalGroupMap, "cannot merge %s into CAUSAL_GROUP", other.policy());
    return (CausalGroupMap) other;
  }
}

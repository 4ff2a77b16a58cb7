package dev.entente.impl;

import dev.entente.impl.coverage.ImplMark;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.InvariantViolation;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.Verify;
import dev.entente.model.VersionVector;
import dev.entente.model.Write;
import dev.entente.model.coverage.Coverage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Multi-value map: each key keeps the puts that no applied write to it has superseded; several
 * surviving puts are concurrent siblings, kept until a write that has seen them replaces them.
 *
 * <p>Implementation note: a causal context (the dots of every applied change) replaces per-key
 * tombstones, as in the optimised OR-set and delta-state CRDTs of Almeida, Shoker and Baquero
 * (2018). A write present in one map and absent from another whose context covers its dot was
 * superseded there, so merge drops it; deletes therefore need no storage of their own.
 *
 * <p>Requires causal delivery ({@link #apply} checks it): then every superseded write has already
 * been applied when its successor arrives, and the kept writes equal the oracle's survivors.
 */
public final class MvMap implements KvMap {
  private final Map<Key, List<Write>> kept;
  private final DotSet context;

  /** An empty map. */
  public MvMap() {
    this.kept = new HashMap<>();
    this.context = new DotSet();
  }

  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.MV;
  }

  @Override
  public void apply(Change change) {
    if (!hasDeliveredPastOf(change.seen())) {
      throw new InvariantViolation(
          "MV map got "
              + change.dot()
              + " before its causal past "
              + change.seen()
              + " (context "
              + context.versionVector()
              + ")");
    }
    for (int i = 0; i < change.ops().size(); i++) {
      Write w = new Write(change, i);
      List<Write> siblings = kept.computeIfAbsent(w.key(), k -> new ArrayList<>());
      int before = siblings.size();
      if (before == 1 && w.op() instanceof Op.Put && supersedes(w, siblings.get(0))) {
        // The common case, one put replacing the one it has seen: no sweep, no marks to set.
        siblings.set(0, w);
        continue;
      }
      removeSuperseded(siblings, w);
      markSiblings(w, before, siblings.size());
      if (w.op() instanceof Op.Put) {
        siblings.add(w);
      }
      if (siblings.isEmpty()) {
        kept.remove(w.key());
      }
    }
    context.add(change.author(), change.seq());
  }

  @Override
  public void mergeFrom(KvMap other) {
    MvMap o = mv(other);
    Set<Key> keys = new HashSet<>(kept.keySet());
    keys.addAll(o.kept.keySet());
    for (Key k : keys) {
      List<Write> mine = kept.getOrDefault(k, List.of());
      List<Write> theirs = o.kept.getOrDefault(k, List.of());
      List<Write> joined = new ArrayList<>();
      for (Write w : mine) {
        if (holdsDot(theirs, w) || !o.context.contains(w.change().dot())) {
          joined.add(w);
        }
      }
      for (Write w : theirs) {
        if (!holdsDot(mine, w) && !context.contains(w.change().dot())) {
          joined.add(w);
        }
      }
      if (joined.isEmpty()) {
        kept.remove(k);
      } else {
        kept.put(k, joined);
      }
    }
    context.addAll(o.context);
  }

  @Override
  public boolean isLessOrEqual(KvMap other) {
    MvMap o = mv(other);
    if (!context.isSubsetOf(o.context)) {
      return false;
    }
    for (Map.Entry<Key, List<Write>> e : o.kept.entrySet()) {
      List<Write> mine = kept.getOrDefault(e.getKey(), List.of());
      for (Write w : e.getValue()) {
        if (context.contains(w.change().dot()) && !holdsDot(mine, w)) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public MvMap copy() {
    MvMap c = new MvMap();
    c.mergeFrom(this);
    return c;
  }

  @Override
  public MaterialisedMap materialise() {
    Map<Key, List<Value>> values = new TreeMap<>();
    kept.forEach(
        (k, writes) -> {
          List<Value> vs = new ArrayList<>();
          for (Write w : writes) {
            vs.add(((Op.Put) w.op()).value());
          }
          values.put(k, vs);
        });
    return MaterialisedMap.of(values);
  }

  /** MV keeps no tombstones: its causal context records what deletes removed. */
  @Override
  public long tombstoneCount() {
    return 0;
  }

  /** One entry per change that still has a kept sibling, holding those siblings. */
  @Override
  public List<Change> snapshotEntries() {
    List<Write> all = new ArrayList<>();
    kept.values().forEach(all::addAll);
    return SnapshotEntries.group(all);
  }

  /**
   * Restores the kept siblings and the causal context. A kept write is only ever compared by its
   * dot (a later write supersedes it if it has seen that dot), so the trimmed entries are enough.
   */
  @Override
  public void restore(List<Change> entries, VersionVector delivered) {
    Check.argument(kept.isEmpty() && context.size() == 0, "restore needs an empty MV map");
    context.addAll(DotSet.of(delivered, List.of()));
    for (Change e : entries) {
      Check.argument(context.contains(e.dot()), "MV entry %s is outside the context", e.dot());
      for (int i = 0; i < e.ops().size(); i++) {
        Write w = new Write(e, i);
        Check.argument(w.op() instanceof Op.Put, "MV entry %s keeps a delete", e.dot());
        kept.computeIfAbsent(w.key(), k -> new ArrayList<>()).add(w);
      }
    }
  }

  /** Number of kept writes, siblings included. */
  public long keptWriteCount() {
    long n = 0;
    for (List<Write> ws : kept.values()) {
      n += ws.size();
    }
    return n;
  }

  @Override
  public void checkRep() {
    context.checkRep();
    for (Map.Entry<Key, List<Write>> e : kept.entrySet()) {
      Verify.that(!e.getValue().isEmpty(), "MV keeps an empty sibling list for %s", e.getKey());
      for (Write w : e.getValue()) {
        Verify.that(
            w.key().equals(e.getKey()), "MV key %s holds a write to %s", e.getKey(), w.key());
        Verify.that(w.op() instanceof Op.Put, "MV key %s keeps a delete %s", e.getKey(), w);
        Verify.that(
            context.contains(w.change().dot()),
            "MV kept write %s outside context",
            w.change().dot());
        for (Write other : e.getValue()) {
          Verify.that(
              !other.supersedes(w),
              "MV key %s keeps %s although %s supersedes it",
              e.getKey(),
              w.change().dot(),
              other.change().dot());
        }
      }
    }
  }

  // hasDeliveredPastOf's walk over a seen vector, in fields: a forEach through a consumer made once
  // allocates neither an iterator nor entry wrappers, and this runs on every apply.
  private boolean pastDelivered;
  private final BiConsumer<ReplicaId, Long> checkPast = this::checkPast;

  /**
   * True if the context's contiguous prefixes cover {@code seen} (what {@link
   * DotSet#prefixesDominate} answers), walked without an iterator.
   */
  private boolean hasDeliveredPastOf(VersionVector seen) {
    pastDelivered = true;
    seen.entries().forEach(checkPast);
    return pastDelivered;
  }

  private void checkPast(ReplicaId replica, Long counter) {
    if (context.maxPrefix(replica) < counter) {
      pastDelivered = false;
    }
  }

  /**
   * Marks what {@code w} did to its key's siblings: {@code before} were kept, {@code after} of them
   * survive it (not counting {@code w} itself).
   */
  private static void markSiblings(Write w, int before, int after) {
    if (before - after >= 2) {
      Coverage.mark(ImplMark.MV_SIBLINGS_RESOLVED);
    }
    if (after == 0) {
      return;
    }
    Coverage.mark(
        w.op() instanceof Op.Put
            ? ImplMark.MV_SIBLINGS_CREATED
            : ImplMark.MV_CONCURRENT_DELETE_KEEPS_PUT);
  }

  /**
   * {@link Write#supersedes}, without building the two dots it compares: this runs for every
   * sibling on every write.
   */
  static boolean supersedes(Write w, Write other) {
    Change c = w.change();
    Change o = other.change();
    if (c.author().equals(o.author())) {
      // A change has seen exactly its author's earlier changes (its seen entry for its author is
      // seq - 1): no lookup in the vector when a replica overwrites its own write.
      return c.seq() != o.seq() ? c.seq() > o.seq() : w.position() > other.position();
    }
    return c.seen().get(o.author()) >= o.seq();
  }

  /** Drops the siblings {@code w} supersedes, in place (no iterator or predicate per write). */
  private static void removeSuperseded(List<Write> siblings, Write w) {
    int kept = 0;
    for (int i = 0; i < siblings.size(); i++) {
      Write old = siblings.get(i);
      if (!supersedes(w, old)) {
        siblings.set(kept++, old);
      }
    }
    siblings.subList(kept, siblings.size()).clear();
  }

  /**
   * True if {@code writes} (one key's siblings) holds {@code w}'s change. Siblings are matched by
   * dot, not by equality: a restored map keeps trimmed changes, and a change keeps at most one
   * write per key.
   */
  private static boolean holdsDot(List<Write> writes, Write w) {
    for (Write x : writes) {
      if (x.change().dot().equals(w.change().dot())) {
        return true;
      }
    }
    return false;
  }

  private static MvMap mv(KvMap other) {
    Check.argument(other instanceof MvMap, "cannot merge %s into MV", other.policy());
    return (MvMap) other;
  }
}

package dev.entente.impl;

import dev.entente.impl.coverage.CompactionMark;
import dev.entente.impl.coverage.ImplMark;
import dev.entente.impl.gc.Swept;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.Value;
import dev.entente.model.Verify;
import dev.entente.model.VersionVector;
import dev.entente.model.Write;
import dev.entente.model.coverage.Coverage;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Per-key last-writer-wins map: each key holds one register, the greatest write to it in {@link
 * Write#LWW_ORDER}. A delete that wins stays in the register as a tombstone, so that a concurrent
 * put with a smaller timestamp arriving later cannot resurrect the key.
 *
 * <p>Needs no causal delivery: the register join is a maximum, which is order-insensitive. Merge is
 * the per-key maximum; the lattice order is "every register of this map is at or below the other
 * map's register for that key".
 */
public final class LwwMap implements KvMap {
  private final Map<Key, Write> registers;
  private long tombstones;

  /** An empty map. */
  public LwwMap() {
    this.registers = new HashMap<>();
  }

  private LwwMap(LwwMap source) {
    this.registers = new HashMap<>(source.registers);
    this.tombstones = source.tombstones;
  }

  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.LWW;
  }

  @Override
  public void apply(Change change) {
    for (int i = 0; i < change.ops().size(); i++) {
      offer(new Write(change, i));
    }
  }

  @Override
  public void mergeFrom(KvMap other) {
    for (Write w : lww(other).registers.values()) {
      offer(w);
    }
  }

  @Override
  public boolean isLessOrEqual(KvMap other) {
    LwwMap o = lww(other);
    for (Map.Entry<Key, Write> e : registers.entrySet()) {
      Write theirs = o.registers.get(e.getKey());
      if (theirs == null || Write.LWW_ORDER.compare(e.getValue(), theirs) > 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public LwwMap copy() {
    return new LwwMap(this);
  }

  @Override
  public MaterialisedMap materialise() {
    TreeMap<Key, Value> values = new TreeMap<>();
    registers.forEach(
        (k, w) -> {
          if (w.op() instanceof Op.Put put) {
            values.put(k, put.value());
          }
        });
    return MaterialisedMap.ofSingle(values);
  }

  @Override
  public long tombstoneCount() {
    return tombstones;
  }

  /**
   * One entry per winning change, holding its winning ops. A register's position inside its change
   * only breaks ties between writes of the same change to the same key, and a change wins each key
   * with its last op to it, so a trimmed change compares exactly like the original.
   */
  @Override
  public List<Change> snapshotEntries() {
    return SnapshotEntries.group(registers.values());
  }

  @Override
  public void restore(List<Change> entries, VersionVector context) {
    Check.argument(registers.isEmpty(), "restore needs an empty LWW map");
    entries.forEach(this::apply);
  }

  /**
   * Drops winning deletes whose change is stable. Every later write to the key has seen the delete;
   * with a monotone clock it is stamped after it and would beat it anyway, so the tombstone has no
   * work left. With a wall clock nothing is dropped.
   */
  @Override
  public Swept collectGarbage(VersionVector stable, boolean monotoneClock) {
    if (!monotoneClock) {
      return Swept.NOTHING;
    }
    long dropped = 0;
    HlcTimestamp floor = HlcTimestamp.ZERO;
    for (Iterator<Write> it = registers.values().iterator(); it.hasNext(); ) {
      Write w = it.next();
      if (w.op() instanceof Op.Delete && stable.covers(w.change().dot())) {
        it.remove();
        dropped++;
        if (w.change().timestamp().compareTo(floor) > 0) {
          floor = w.change().timestamp();
        }
      }
    }
    tombstones -= dropped;
    if (dropped > 0) {
      Coverage.mark(CompactionMark.GC_TOMBSTONE_DROPPED);
    }
    return new Swept(dropped, 0, floor);
  }

  /** Number of registers, tombstones included: the live-plus-dead storage size. */
  public int registerCount() {
    return registers.size();
  }

  @Override
  public void checkRep() {
    long deletes = 0;
    for (Map.Entry<Key, Write> e : registers.entrySet()) {
      Verify.that(
          e.getValue().key().equals(e.getKey()),
          "LWW register for %s holds a write to %s",
          e.getKey(),
          e.getValue().key());
      if (e.getValue().op() instanceof Op.Delete) {
        deletes++;
      }
    }
    Verify.that(
        deletes == tombstones, "LWW map counts %d tombstones, holds %d", tombstones, deletes);
  }

  private void offer(Write w) {
    Key key = w.key();
    Write current = registers.get(key);
    if (current != null) {
      int order = compareLww(current, w);
      if (Coverage.recording()) {
        markContest(current, w, order);
      }
      if (order >= 0) {
        return;
      }
    }
    registers.put(key, w);
    tombstones += (w.op() instanceof Op.Delete ? 1 : 0) - (isDelete(current) ? 1 : 0);
  }

  /**
   * {@link Write#LWW_ORDER}, spelled out field by field: the same order (timestamp's wall then
   * counter, author, seq, position) without the comparator chain's calls on every register join.
   * {@code LwwMapTest} checks the two agree.
   */
  static int compareLww(Write a, Write b) {
    Change x = a.change();
    Change y = b.change();
    HlcTimestamp tx = x.timestamp();
    HlcTimestamp ty = y.timestamp();
    int c = Long.compare(tx.wallMillis(), ty.wallMillis());
    if (c == 0) {
      c = Integer.compare(tx.logical(), ty.logical());
    }
    if (c == 0) {
      c = x.author().compareTo(y.author());
    }
    if (c == 0) {
      c = Long.compare(x.seq(), y.seq());
    }
    return c != 0 ? c : Integer.compare(a.position(), b.position());
  }

  /**
   * Marks how {@code offered} fared against the register's {@code current} write; {@code order} is
   * their {@link Write#LWW_ORDER} comparison (0: the same write offered again).
   */
  private static void markContest(Write current, Write offered, int order) {
    if (order == 0) {
      return;
    }
    if (current.change().timestamp().equals(offered.change().timestamp())
        && !current.change().author().equals(offered.change().author())) {
      Coverage.mark(ImplMark.LWW_TIE_BROKEN_BY_REPLICA);
    }
    if (order > 0) {
      Coverage.mark(
          isDelete(current) && !isDelete(offered)
              ? ImplMark.LWW_TOMBSTONE_BEATS_LATE_PUT
              : ImplMark.LWW_STALE_WRITE_LOSES);
    } else if (isDelete(current) && !isDelete(offered)) {
      Coverage.mark(ImplMark.LWW_PUT_REPLACES_TOMBSTONE);
    }
  }

  private static boolean isDelete(@Nullable Write w) {
    return w != null && w.op() instanceof Op.Delete;
  }

  private static LwwMap lww(KvMap other) {
    Check.argument(other instanceof LwwMap, "cannot merge %s into LWW", other.policy());
    return (LwwMap) other;
  }
}

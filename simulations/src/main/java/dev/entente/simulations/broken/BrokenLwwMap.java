package dev.entente.simulations.broken;

import dev.entente.impl.KvMap;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.Value;
import dev.entente.model.Write;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A per-key LWW map with one of three classic mistakes: a resolution order that ignores the
 * replica-id tie-break, one that ignores the HLC's logical counter, or deletes that leave no
 * tombstone. Ties in the broken orders keep whichever write arrived first, so replicas that receive
 * tied writes in different orders diverge.
 */
public final class BrokenLwwMap implements KvMap {
  /** Which mistake this map makes. */
  public enum Flaw {
    /** Equal timestamps are not broken by replica id. */
    NO_REPLICA_TIE_BREAK(
        Comparator.comparing((Write w) -> w.change().timestamp())
            .thenComparingInt(Write::position)),
    /** Only the wall part of the timestamp is compared; the logical counter is ignored. */
    IGNORES_LOGICAL_COUNTER(
        Comparator.comparingLong((Write w) -> w.change().timestamp().wallMillis())
            .thenComparing(w -> w.change().author())
            .thenComparingInt(Write::position)),
    /** A winning delete removes the register instead of keeping a tombstone. */
    NO_TOMBSTONES(Write.LWW_ORDER);

    private final Comparator<Write> order;

    Flaw(Comparator<Write> order) {
      this.order = order;
    }
  }

  private final Flaw flaw;
  private final Map<Key, Write> registers = new TreeMap<>();

  /** An empty map with the given flaw. */
  public BrokenLwwMap(Flaw flaw) {
    Check.argument(flaw != null, "flaw must not be null");
    this.flaw = flaw;
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
    Check.argument(other instanceof BrokenLwwMap, "cannot merge %s", other.policy());
    ((BrokenLwwMap) other).registers.values().forEach(this::offer);
  }

  @Override
  public boolean isLessOrEqual(KvMap other) {
    BrokenLwwMap o = (BrokenLwwMap) other;
    return registers.entrySet().stream()
        .allMatch(
            e ->
                o.registers.containsKey(e.getKey())
                    && flaw.order.compare(e.getValue(), o.registers.get(e.getKey())) <= 0);
  }

  @Override
  public KvMap copy() {
    BrokenLwwMap c = new BrokenLwwMap(flaw);
    c.registers.putAll(registers);
    return c;
  }

  @Override
  public MaterialisedMap materialise() {
    Map<Key, Value> values = new TreeMap<>();
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
    return registers.values().stream().filter(w -> w.op() instanceof Op.Delete).count();
  }

  @Override
  public void checkRep() {
    // The flaw is semantic; the representation itself stays well formed.
  }

  private void offer(Write w) {
    Write current = registers.get(w.key());
    if (current != null && flaw.order.compare(current, w) >= 0) {
      return;
    }
    if (flaw == Flaw.NO_TOMBSTONES && w.op() instanceof Op.Delete) {
      registers.remove(w.key());
    } else {
      registers.put(w.key(), w);
    }
  }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A multi-value map with one of two mistakes: it never drops superseded values (siblings pile up),
 * or it drops concurrent ones (the newest arrival replaces everything, as if it were LWW by arrival
 * order).
 */
public final class BrokenMvMap implements KvMap {
  /** Which mistake this map makes. */
  public enum Flaw {
    /** Values a later write has seen are kept as siblings anyway. */
    KEEPS_SUPERSEDED,
    /** A new put replaces all siblings, even ones it never saw. */
    DROPS_CONCURRENT
  }

  private final Flaw flaw;
  private final Map<Key, List<Write>> kept = new TreeMap<>();

  /** An empty map with the given flaw. */
  public BrokenMvMap(Flaw flaw) {
    Check.argument(flaw != null, "flaw must not be null");
    this.flaw = flaw;
  }

  @Override
  public RegisterPolicy policy() {
    return RegisterPolicy.MV;
  }

  @Override
  public void apply(Change change) {
    for (int i = 0; i < change.ops().size(); i++) {
      Write w = new Write(change, i);
      List<Write> siblings = kept.computeIfAbsent(w.key(), k -> new ArrayList<>());
      if (flaw == Flaw.DROPS_CONCURRENT) {
        siblings.clear();
      } else if (w.op() instanceof Op.Delete) {
        siblings.removeIf(w::supersedes);
      }
      if (w.op() instanceof Op.Put) {
        siblings.add(w);
      }
      if (siblings.isEmpty()) {
        kept.remove(w.key());
      }
    }
  }

  @Override
  public void mergeFrom(KvMap other) {
    Check.argument(other instanceof BrokenMvMap, "cannot merge %s", other.policy());
    ((BrokenMvMap) other)
        .kept.forEach(
            (k, ws) -> {
              List<Write> mine = kept.computeIfAbsent(k, x -> new ArrayList<>());
              ws.stream().filter(w -> !mine.contains(w)).forEach(mine::add);
            });
  }

  @Override
  public boolean isLessOrEqual(KvMap other) {
    BrokenMvMap o = (BrokenMvMap) other;
    return kept.entrySet().stream()
        .allMatch(e -> o.kept.getOrDefault(e.getKey(), List.of()).containsAll(e.getValue()));
  }

  @Override
  public KvMap copy() {
    BrokenMvMap c = new BrokenMvMap(flaw);
    c.mergeFrom(this);
    return c;
  }

  @Override
  public MaterialisedMap materialise() {
    Map<Key, List<Value>> values = new TreeMap<>();
    kept.forEach(
        (k, ws) -> values.put(k, ws.stream().map(w -> ((Op.Put) w.op()).value()).toList()));
    return MaterialisedMap.of(values);
  }

  @Override
  public long tombstoneCount() {
    return 0;
  }

  @Override
  public void checkRep() {
    // The flaw is semantic; the representation itself stays well formed.
  }
}

package dev.entente.impl.storage;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one step of a replica adds to its storage, committed as one transaction. Immutable.
 *
 * @param delivered changes delivered by this step, in delivery order
 * @param buffered changes this step put into the pending buffer
 * @param released pending changes this step delivered (they are also in {@code delivered})
 * @param clockHighWater the greatest timestamp the replica's clock has issued or observed
 * @param materialised the new values of every key whose materialised values changed (an empty list
 *     means the key is now absent)
 * @param materialisedComplete true if {@code materialised} is the whole map and replaces what is
 *     stored (used on open, after recovery); false if it lists changed keys only
 */
public record StorageBatch(
    List<Change> delivered,
    List<Change> buffered,
    List<Dot> released,
    HlcTimestamp clockHighWater,
    Map<Key, List<Value>> materialised,
    boolean materialisedComplete) {
  /** Copies every collection; keys of {@code materialised} are sorted. */
  public StorageBatch {
    Check.argument(delivered != null, "delivered must not be null");
    Check.argument(buffered != null, "buffered must not be null");
    Check.argument(released != null, "released must not be null");
    Check.argument(clockHighWater != null, "clock high-water must not be null");
    Check.argument(materialised != null, "materialised must not be null");
    delivered = List.copyOf(delivered);
    buffered = List.copyOf(buffered);
    released = List.copyOf(released);
    TreeMap<Key, List<Value>> sorted = new TreeMap<>();
    materialised.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
    materialised = java.util.Collections.unmodifiableSortedMap(sorted);
  }

  /** True if the batch stores no change and moves nothing in the buffer. */
  public boolean storesNoChange() {
    return delivered.isEmpty() && buffered.isEmpty() && released.isEmpty();
  }
}

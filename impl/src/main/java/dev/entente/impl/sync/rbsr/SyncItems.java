package dev.entente.impl.sync.rbsr;

import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable set of items (timestamp, change id) sorted by timestamp, then id: the only view of a
 * store that RBSR needs. Ids are unique within a set.
 */
public final class SyncItems {
  private final long[] timestamps;
  private final SyncId[] ids;

  private SyncItems(long[] timestamps, SyncId[] ids) {
    this.timestamps = timestamps;
    this.ids = ids;
  }

  /** One item. */
  public record Item(long timestamp, SyncId id) {
    /** Checks the timestamp range. */
    public Item {
      Check.argument(
          timestamp >= 0 && timestamp <= Bound.MAX_TIMESTAMP, "item timestamp out of range");
      Check.argument(id != null, "id must not be null");
    }
  }

  private static final Comparator<Item> ORDER =
      Comparator.comparingLong(Item::timestamp).thenComparing(Item::id);

  /** The set of these items, sorted; rejects two items with the same id. */
  public static SyncItems of(List<Item> items) {
    Item[] sorted = items.toArray(new Item[0]);
    Arrays.sort(sorted, ORDER);
    long[] ts = new long[sorted.length];
    SyncId[] ids = new SyncId[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      ts[i] = sorted[i].timestamp();
      ids[i] = sorted[i].id();
    }
    SyncId[] byId = ids.clone();
    Arrays.sort(byId);
    for (int i = 1; i < byId.length; i++) {
      Check.argument(!byId[i - 1].equals(byId[i]), "duplicate id " + byId[i]);
    }
    return new SyncItems(ts, ids);
  }

  public int size() {
    return ids.length;
  }

  public long timestamp(int index) {
    return timestamps[index];
  }

  public SyncId id(int index) {
    return ids[index];
  }

  /** Every item, in order. */
  public List<Item> items() {
    List<Item> out = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      out.add(new Item(timestamps[i], ids[i]));
    }
    return out;
  }

  /** The index of the first item at or above {@code bound} ({@link #size()} if none). */
  int lowerIndex(Bound bound) {
    int lo = 0;
    int hi = ids.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (bound.compareItem(timestamps[mid], ids[mid]) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The index of the first item with a timestamp at or above {@code timestamp}. */
  public int firstAtOrAfter(long timestamp) {
    int lo = 0;
    int hi = timestamps.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (timestamps[mid] < timestamp) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The shortest bound between item {@code index - 1} and item {@code index}. */
  Bound boundBefore(int index) {
    return Bound.between(timestamps[index - 1], ids[index - 1], timestamps[index], ids[index]);
  }
}

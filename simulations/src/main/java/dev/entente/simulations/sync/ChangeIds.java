package dev.entente.simulations.sync;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.sync.rbsr.Bound;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A replica's changes as the items of an ids-only reconciliation: (wall timestamp, content hash).
 * Caches each change's hash by dot, since every session hashes the whole log again. Mutable, owned
 * by one protocol instance.
 */
final class ChangeIds {
  private final Map<Dot, SyncId> ids = new HashMap<>();

  /** The content-hash id of {@code c}. */
  SyncId id(Change c) {
    return ids.computeIfAbsent(c.dot(), d -> SyncId.of(ChangeCodec.contentHash(c)));
  }

  /** The items of {@code changes}, timestamps clamped into the protocols' range. */
  SyncItems items(List<Change> changes) {
    List<SyncItems.Item> items = new ArrayList<>(changes.size());
    for (Change c : changes) {
      long ts = Math.max(0, Math.min(Bound.MAX_TIMESTAMP, c.timestamp().wallMillis()));
      items.add(new SyncItems.Item(ts, id(c)));
    }
    return SyncItems.of(items);
  }
}

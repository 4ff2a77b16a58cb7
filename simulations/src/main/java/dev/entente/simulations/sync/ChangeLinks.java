package dev.entente.simulations.sync;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.sync.bloom.ChangeStore;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A replica's log as the hash-linked history Bloom sync works on: change c becomes a linked change
 * whose dependencies are the linked changes of the newest change of each author c had seen, whose
 * nonce is the first 8 bytes of c's content hash and whose timestamp is c's wall time; its id is
 * the hash of that body, so every replica derives the same id for the same change. Caches the links
 * by dot and remembers the payload behind each id. Mutable, owned by one protocol instance.
 */
final class ChangeLinks {
  private final Map<Dot, dev.entente.impl.sync.bloom.Change> links = new HashMap<>();
  private final Map<SyncId, Change> payloads = new HashMap<>();

  /** A store of every change of {@code log} whose causal past is in {@code log} too. */
  ChangeStore store(List<Change> log) {
    Map<Dot, Change> byDot = new HashMap<>();
    log.forEach(c -> byDot.put(c.dot(), c));
    ChangeStore store = new ChangeStore();
    for (Change c : log) {
      link(c, byDot).ifPresent(store::add);
    }
    return store;
  }

  /** The payload of linked id {@code id}, if this replica ever held or received it. */
  @Nullable Change payload(SyncId id) {
    return payloads.get(id);
  }

  /** Remembers that {@code id} is {@code change}'s link (as a peer's message says). */
  void remember(SyncId id, Change change) {
    payloads.putIfAbsent(id, change);
  }

  private Optional<dev.entente.impl.sync.bloom.Change> link(Change c, Map<Dot, Change> byDot) {
    dev.entente.impl.sync.bloom.Change known = links.get(c.dot());
    if (known != null) {
      return Optional.of(known);
    }
    List<SyncId> deps = new ArrayList<>();
    for (Map.Entry<ReplicaId, Long> e : c.seen().entries().entrySet()) {
      Change dep = e.getValue() > 0 ? byDot.get(new Dot(e.getKey(), e.getValue())) : null;
      if (e.getValue() > 0) {
        Optional<dev.entente.impl.sync.bloom.Change> d =
            dep == null ? Optional.empty() : link(dep, byDot);
        if (d.isEmpty()) {
          return Optional.empty(); // its past is not in the log: it cannot be linked yet
        }
        deps.add(d.get().id());
      }
    }
    long nonce = ByteBuffer.wrap(ChangeCodec.contentHash(c)).getLong();
    long wall = Math.max(0, c.timestamp().wallMillis());
    dev.entente.impl.sync.bloom.Change linked =
        dev.entente.impl.sync.bloom.Change.of(deps, wall, nonce);
    links.put(c.dot(), linked);
    payloads.put(linked.id(), c);
    return Optional.of(linked);
  }
}

package dev.entente.simulations.sync;

import dev.entente.impl.ReplicaState;
import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size in bytes a message would have on the wire. Changes and states are measured exactly with
 * the canonical codecs; the small control messages (vectors, requests) with a simple fixed-width
 * layout: a 4-byte header, 2-byte length-prefixed strings and 8-byte integers. Stateless.
 *
 * <p>A run sends the same change many times (pushes, retries, every state gossip), so {@link
 * #of(SyncMessage, Cache)} takes a per-run {@link Cache} of change sizes: each change is encoded
 * once per run, and a state's size is summed from its changes' sizes in the {@link
 * dev.entente.impl.codec.ReplicaStateCodec} layout instead of encoding the whole state.
 */
public final class MessageSize {
  private static final int HEADER = 4;

  /** Magic, version, policy and count before the changes, and the checksum after them. */
  private static final int STATE_FRAME = 4 + 1 + 1 + 4 + 4;

  /** Length prefix of each change inside a state. */
  private static final int STATE_ENTRY = 4;

  private MessageSize() {}

  /**
   * The encoded sizes of the changes one run has measured, by identity (a change is immutable, so
   * its size never changes). Mutable, not thread-safe: one per run.
   */
  public static final class Cache {
    private final IdentityHashMap<Change, Integer> sizes = new IdentityHashMap<>();

    /** The length of {@code c}'s {@link ChangeCodec} encoding. */
    int sizeOf(Change c) {
      Integer known = sizes.get(c);
      if (known != null) {
        return known;
      }
      int size = ChangeCodec.encode(c).length;
      sizes.put(c, size);
      return size;
    }
  }

  /** The encoded size of {@code message}, measured without a cache. */
  public static int of(SyncMessage message) {
    return of(message, new Cache());
  }

  /** The encoded size of {@code message}, taking change sizes from {@code cache}. */
  public static int of(SyncMessage message, Cache cache) {
    if (message instanceof SyncMessage.Changes m) {
      return HEADER + changes(m.changes(), cache);
    } else if (message instanceof SyncMessage.Ack m) {
      return HEADER + vector(m.delivered());
    } else if (message instanceof SyncMessage.Pull m) {
      return HEADER + vector(m.have());
    } else if (message instanceof SyncMessage.State m) {
      return HEADER + state(m.state(), cache);
    } else if (message instanceof SyncMessage.WriteRequest m) {
      return HEADER + 8 + ops(m.ops());
    } else if (message instanceof SyncMessage.WriteReply m) {
      return HEADER + 8 + ChangeCodec.encode(m.change()).length;
    } else if (message instanceof SyncMessage.Reconcile m) {
      // protocol name byte, session number, side, then the frame as the protocol encodes it
      return HEADER + 1 + 8 + 1 + m.length() + changes(m.changes(), cache);
    } else if (message instanceof SyncMessage.ReadReply m) {
      return HEADER + 8 + vector(m.vv()) + view(m.view().entries());
    } else if (message instanceof SyncMessage.Stability m) {
      return HEADER + text(m.report().member().value()) + vector(m.report().delivered());
    } else if (message instanceof SyncMessage.SnapshotOffer m) {
      return HEADER + SnapshotCodec.encode(m.snapshot()).length;
    }
    return HEADER + 8;
  }

  private static int changes(List<Change> changes, Cache cache) {
    int total = 4;
    for (Change c : changes) {
      total += cache.sizeOf(c);
    }
    return total;
  }

  /** The length of {@code state}'s {@link dev.entente.impl.codec.ReplicaStateCodec} encoding. */
  private static int state(ReplicaState state, Cache cache) {
    int total = STATE_FRAME;
    for (Change c : state.changes()) {
      total += STATE_ENTRY + cache.sizeOf(c);
    }
    return total;
  }

  private static int vector(VersionVector vv) {
    int total = 4;
    for (var e : vv.entries().keySet()) {
      total += 2 + e.value().length() + 8;
    }
    return total;
  }

  private static int ops(List<Op> ops) {
    int total = 4;
    for (Op op : ops) {
      total += 1 + text(op.key().value());
      if (op instanceof Op.Put put) {
        total += text(put.value().value());
      }
    }
    return total;
  }

  private static int view(Map<Key, List<Value>> entries) {
    int total = 4;
    for (var e : entries.entrySet()) {
      total += text(e.getKey().value()) + 4;
      for (Value v : e.getValue()) {
        total += text(v.value());
      }
    }
    return total;
  }

  private static int text(String s) {
    return 4 + s.getBytes(StandardCharsets.UTF_8).length;
  }
}

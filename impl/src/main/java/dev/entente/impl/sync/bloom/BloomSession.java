package dev.entente.impl.sync.bloom;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One side of Automerge-style Bloom-filter sync, as a sans-IO state machine: messages in, messages
 * out, no clock, no threads, no sockets. Not thread-safe.
 *
 * <p>The initiator's {@link #start()} sends its heads and a filter of its changes since the last
 * sync. Each side passes every message it receives to {@link #receive}, which applies the changes
 * it carries and answers with at most one message: on a peer's filter, every change since the
 * peer's last sync that the filter does not claim, with all its dependents; on a need, the changes
 * asked for; the side's own filter with its first answer; and, as need, every head of the peer and
 * every dependency of a received change that the side lacks and has not asked for yet. A change the
 * peer's filter falsely claims is therefore found through a head or a dependency and fetched by
 * hash, one round trip per level of hidden ancestry.
 *
 * <p>Each change is sent at most once and each id asked for at most once, so a duplicated message
 * adds nothing and a lost one must be resent by the transport (as a sync connection does); then the
 * protocol reaches quiescence, no message in flight, with both stores holding the union.
 */
public final class BloomSession {
  private final ChangeStore store;
  private final List<SyncId> lastSync;
  private final byte[] salt;
  private final Set<SyncId> theirHeads = new HashSet<>();
  private final Set<SyncId> sent = new HashSet<>();
  private final Set<SyncId> requested = new HashSet<>();
  private boolean filterSent;

  /**
   * A side syncing {@code store}; {@code lastSync} are the heads it last knew the peer to share
   * (empty for a first sync); its filter is keyed under {@code salt} (16 bytes) or unkeyed (empty),
   * and a keyed side draws a fresh salt for every session.
   */
  public BloomSession(ChangeStore store, List<SyncId> lastSync, byte[] salt) {
    Check.argument(salt.length == 0 || salt.length == BloomFilter.SALT_BYTES, "bad salt length");
    this.store = store;
    this.lastSync = List.copyOf(lastSync);
    this.salt = salt.clone();
  }

  /** The initiator's first message: its heads and its filter. */
  public byte[] start() {
    Check.state(!filterSent, "a session starts once");
    filterSent = true;
    return BloomCodec.encode(new BloomMessage(heads(), List.of(), Optional.of(have()), List.of()));
  }

  /**
   * Applies one message from the peer and returns the answer, if there is anything to answer.
   *
   * @throws DecodeException if the message is malformed
   */
  public Optional<byte[]> receive(byte[] bytes) throws DecodeException {
    BloomMessage m = BloomCodec.decode(bytes);
    m.changes().forEach(store::add);
    theirHeads.addAll(m.heads());
    List<Change> changes = toSend(m);
    List<SyncId> need = need();
    Optional<Have> have = filterSent ? Optional.<Have>empty() : Optional.of(have());
    filterSent = true;
    BloomMessage reply = new BloomMessage(heads(), need, have, changes);
    return reply.isEmpty() ? Optional.empty() : Optional.of(BloomCodec.encode(reply));
  }

  /** The store this side syncs. */
  public ChangeStore store() {
    return store;
  }

  private List<SyncId> heads() {
    return List.copyOf(store.heads());
  }

  private Have have() {
    List<SyncId> ids = new ArrayList<>();
    store.since(lastSync).forEach(c -> ids.add(c.id()));
    return new Have(lastSync, BloomFilter.of(ids, salt));
  }

  /** Changes the filter does not claim and their dependents, then the ones asked for by hash. */
  private List<Change> toSend(BloomMessage m) {
    Set<SyncId> picked = new HashSet<>();
    List<Change> out = new ArrayList<>();
    if (m.have().isPresent()) {
      Have h = m.have().get();
      for (Change c : store.since(h.lastSync())) {
        boolean dependent = c.deps().stream().anyMatch(picked::contains);
        if (dependent || !h.filter().mightContain(c.id())) {
          picked.add(c.id());
          out.add(c);
        }
      }
    }
    for (SyncId id : m.need()) {
      Change c = store.get(id);
      if (c != null && picked.add(id)) {
        out.add(c);
      }
    }
    out.removeIf(c -> !sent.add(c.id()));
    return out;
  }

  private List<SyncId> need() {
    Set<SyncId> wanted = new HashSet<>(store.missingDeps());
    wanted.addAll(theirHeads);
    List<SyncId> out = new ArrayList<>();
    for (SyncId id : wanted) {
      if (!store.has(id) && !store.isQueued(id) && requested.add(id)) {
        out.add(id);
      }
    }
    return out;
  }
}

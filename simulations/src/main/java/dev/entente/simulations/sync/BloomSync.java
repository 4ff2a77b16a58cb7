package dev.entente.simulations.sync;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.bloom.BloomCodec;
import dev.entente.impl.sync.bloom.BloomMessage;
import dev.entente.impl.sync.bloom.BloomSession;
import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Automerge's Bloom-filter sync as anti-entropy: on each tick a replica starts a first sync (no
 * shared heads assumed) with one random peer over its log as a hash-linked history ({@link
 * ChangeLinks}), with Automerge's unkeyed filter; each side answers every message with its
 * session's answer, and the changes a message names travel in the same {@link
 * SyncMessage.Reconcile} as their payloads. A change the filter falsely claims is fetched through a
 * head or a dependency by hash. A lost message stalls its session, and the next tick's session
 * repairs it. The receiver delivers through the causal buffer. Mutable, not thread-safe.
 */
public final class BloomSync extends SessionSync {
  static final String PROTOCOL = "bloom";

  private final ChangeLinks links = new ChangeLinks();
  private final Sessions<BloomSession> sessions = new Sessions<>();

  /** A protocol instance for {@code ctx.replica()}. */
  public BloomSync(SyncContext ctx) {
    super(ctx);
  }

  @Override
  List<Outgoing> start(ReplicaId peer, long session) {
    BloomSession s = new BloomSession(links.store(log()), List.of(), new byte[0]);
    sessions.put(new Sessions.Key(peer, session, true), s);
    return List.of(message(peer, session, true, s.start()));
  }

  @Override
  public List<Outgoing> onMessage(ReplicaId from, SyncMessage message) {
    if (!(message instanceof SyncMessage.Reconcile m) || !m.protocol().equals(PROTOCOL)) {
      return List.of();
    }
    try {
      deliverPayloads(m);
      Sessions.Key key = new Sessions.Key(from, m.session(), !m.fromInitiator());
      BloomSession s = sessions.get(key);
      if (s == null) {
        if (!m.fromInitiator()) {
          return List.of(); // an answer to a session we forgot: the next tick starts a new one
        }
        s = new BloomSession(links.store(log()), List.of(), new byte[0]);
        sessions.put(key, s);
      }
      Optional<byte[]> reply = s.receive(m.frame());
      return reply.isEmpty()
          ? List.of()
          : List.of(message(from, m.session(), !m.fromInitiator(), reply.get()));
    } catch (DecodeException e) {
      throw new IllegalStateException("a Bloom sync message failed to decode: " + e, e);
    }
  }

  /** Offers the payloads the message carries, paired with the linked changes its frame names. */
  private void deliverPayloads(SyncMessage.Reconcile m) throws DecodeException {
    List<dev.entente.impl.sync.bloom.Change> named = BloomCodec.decode(m.frame()).changes();
    if (named.isEmpty()) {
      return;
    }
    for (int i = 0; i < named.size(); i++) {
      links.remember(named.get(i).id(), m.changes().get(i));
    }
    deliver(m.changes());
  }

  private Outgoing message(ReplicaId to, long session, boolean initiator, byte[] frame) {
    List<Change> payloads = new ArrayList<>();
    try {
      BloomMessage m = BloomCodec.decode(frame);
      for (dev.entente.impl.sync.bloom.Change c : m.changes()) {
        Change payload = links.payload(c.id());
        if (payload == null) {
          throw new IllegalStateException("no payload behind linked change " + c.id());
        }
        payloads.add(payload);
      }
      if (!m.need().isEmpty()) {
        Coverage.mark(SimMark.SYNC_BLOOM_NEED);
      }
    } catch (DecodeException e) {
      throw new IllegalStateException("our own Bloom sync message failed to decode: " + e, e);
    }
    return new Outgoing(
        to, new SyncMessage.Reconcile(PROTOCOL, session, initiator, frame, payloads));
  }
}

package dev.entente.simulations.sync;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ids-only set reconciliation (RBSR or the Merkle tree, by its {@link FrameSession.Maker}) as
 * anti-entropy: on each tick a replica starts a session with one random peer over (timestamp,
 * content hash) items of its whole log; each side answers every frame with its session's frames and
 * ships, as a {@link SyncMessage.Changes}, the changes its session has newly learned the peer
 * lacks. Frames and changes travel the simulated network, so the nemesis loses, duplicates and
 * reorders them: a duplicate frame only repeats answers, and what a lost frame leaves out the next
 * tick's session finds again. The receiver delivers through the causal buffer, since changes come
 * in id order, not causal order. Mutable, not thread-safe.
 */
public final class RangeReconcile extends SessionSync {
  private final String protocol;
  private final FrameSession.Maker maker;
  private final ChangeIds ids = new ChangeIds();
  private final Sessions<Open> sessions = new Sessions<>();

  private record Open(FrameSession session, Set<SyncId> shipped) {}

  /** A protocol instance for {@code ctx.replica()}, named {@code protocol} in the trace. */
  public RangeReconcile(SyncContext ctx, String protocol, FrameSession.Maker maker) {
    super(ctx);
    this.protocol = protocol;
    this.maker = maker;
  }

  @Override
  List<Outgoing> start(ReplicaId peer, long session) {
    FrameSession s = maker.initiator(ids.items(log()), salt());
    sessions.put(new Sessions.Key(peer, session, true), new Open(s, new HashSet<>()));
    return frames(peer, session, true, s.start());
  }

  @Override
  public List<Outgoing> onMessage(ReplicaId from, SyncMessage message) {
    if (message instanceof SyncMessage.Changes m) {
      deliver(m.changes());
      return List.of();
    }
    if (message instanceof SyncMessage.Reconcile m && m.protocol().equals(protocol)) {
      return answer(from, m);
    }
    return List.of();
  }

  private List<Outgoing> answer(ReplicaId from, SyncMessage.Reconcile m) {
    // A frame from the initiator goes to our responder side, and the other way round.
    Sessions.Key key = new Sessions.Key(from, m.session(), !m.fromInitiator());
    Open open = sessions.get(key);
    if (open == null) {
      if (!m.fromInitiator()) {
        return List.of(); // an answer to a session we forgot: the next tick starts a new one
      }
      open = new Open(maker.responder(ids.items(log())), new HashSet<>());
      sessions.put(key, open);
    }
    List<byte[]> replies;
    try {
      replies = open.session().receive(m.frame());
    } catch (DecodeException e) {
      // A later frame of a session this side forgot (a responder starts from the first frame).
      sessions.remove(key);
      return List.of();
    }
    if (replies.isEmpty()) {
      Coverage.mark(SimMark.SYNC_RECONCILE_SETTLED);
    }
    List<Outgoing> out = new ArrayList<>(frames(from, m.session(), !m.fromInitiator(), replies));
    List<Change> missing = newlyLearned(open);
    if (!missing.isEmpty()) {
      Coverage.mark(SimMark.SYNC_RECONCILE_SHIPPED);
      out.add(new Outgoing(from, new SyncMessage.Changes(missing)));
    }
    return out;
  }

  /** The changes the session learned the peer lacks since it last shipped, in delivery order. */
  private List<Change> newlyLearned(Open open) {
    Set<SyncId> learned = new HashSet<>(open.session().toSend());
    learned.removeAll(open.shipped());
    List<Change> out = new ArrayList<>();
    if (learned.isEmpty()) {
      return out;
    }
    for (Change c : log()) {
      if (learned.contains(ids.id(c))) {
        out.add(c);
      }
    }
    open.shipped().addAll(learned);
    return out;
  }

  private List<Outgoing> frames(ReplicaId to, long session, boolean initiator, List<byte[]> fs) {
    List<Outgoing> out = new ArrayList<>(fs.size());
    for (byte[] f : fs) {
      out.add(new Outgoing(to, new SyncMessage.Reconcile(protocol, session, initiator, f)));
    }
    return out;
  }

  private byte[] salt() {
    byte[] salt = new byte[16];
    for (int i = 0; i < 2; i++) {
      long v = ctx.prng().nextLong();
      for (int b = 0; b < 8; b++) {
        salt[i * 8 + b] = (byte) (v >>> (8 * b));
      }
    }
    return salt;
  }
}

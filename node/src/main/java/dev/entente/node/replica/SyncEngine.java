package dev.entente.node.replica;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.impl.storage.StorageException;
import dev.entente.impl.sync.rbsr.RbsrConfig;
import dev.entente.impl.sync.rbsr.RbsrSession;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.VersionVector;
import dev.entente.node.wire.RelayFrame;
import dev.entente.node.wire.SyncMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A node's side of anti-entropy, sans-IO: messages in, messages out. Every tick it broadcasts its
 * version vector (presence for both protocols); under {@link Protocol#DELTA} a summary is answered
 * with the changes above it, and a summary showing changes this node lacks is answered with its own
 * summary (pull). Under {@link Protocol#RBSR} every tick starts a session with each known peer over
 * (timestamp, content hash) items, and each side sends the changes its session learns the peer
 * lacks. New local changes are pushed at once. Not thread-safe: the node's one replica thread calls
 * it.
 */
public final class SyncEngine {
  /** A message for a destination ({@link RelayFrame#BROADCAST} for everyone else). */
  public record Outgoing(String destination, SyncMessage message) {}

  /** Most changes in one CHANGES message, so a message stays far below the frame limit. */
  static final int CHANGES_PER_MESSAGE = 200;

  /** Most RBSR sessions kept at once; the oldest is forgotten (its peer restarts it next tick). */
  static final int MAX_SESSIONS = 64;

  /** Most changes waiting for their causal past; more are dropped (anti-entropy resends them). */
  static final int MAX_WAITING = 10_000;

  private final DurableReplica replica;
  private final Protocol protocol;
  private final Consumer<String> log;
  private final SplittableRandom salts;
  private final TreeSet<String> peers = new TreeSet<>();
  private final Map<Dot, SyncId> ids = new HashMap<>();
  private final Map<String, RbsrSession> sessions =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RbsrSession> eldest) {
          return size() > MAX_SESSIONS;
        }
      };
  private final Map<String, Integer> sentBySession = new HashMap<>();
  private final Map<Dot, Change> waiting = new TreeMap<>();
  private long nextSession;

  /** An engine over {@code replica}; {@code salts} draws RBSR session salts and ids. */
  public SyncEngine(
      DurableReplica replica, Protocol protocol, SplittableRandom salts, Consumer<String> log) {
    this.replica = replica;
    this.protocol = protocol;
    this.salts = salts;
    this.log = log;
    this.nextSession = salts.nextLong() & Long.MAX_VALUE;
  }

  /** The periodic step. */
  public List<Outgoing> tick() {
    sentBySession.keySet().retainAll(sessions.keySet());
    List<Outgoing> out = new ArrayList<>();
    out.add(new Outgoing(RelayFrame.BROADCAST, new SyncMessage.Summary(replica.versionVector())));
    if (protocol == Protocol.RBSR) {
      SyncItems items = items();
      for (String peer : peers) {
        byte[] salt = new byte[16];
        salts.nextBytes(salt);
        long session = nextSession++;
        RbsrSession s = RbsrSession.initiator(items, salt, RbsrConfig.DEFAULT);
        sessions.put(key(peer, session, true), s);
        for (byte[] f : s.start()) {
          out.add(new Outgoing(peer, new SyncMessage.Rbsr(session, true, f)));
        }
      }
    }
    return out;
  }

  /** A change this node just made: pushed to everyone at once. */
  public List<Outgoing> localChange(Change change) {
    return List.of(new Outgoing(RelayFrame.BROADCAST, new SyncMessage.Changes(List.of(change))));
  }

  /** A message from {@code source}. */
  public List<Outgoing> receive(String source, SyncMessage message) throws StorageException {
    peers.add(source);
    if (message instanceof SyncMessage.Summary s) {
      return protocol == Protocol.DELTA ? summary(source, s.vector()) : List.of();
    }
    if (message instanceof SyncMessage.Changes c) {
      apply(source, c.changes());
      return List.of();
    }
    return rbsr(source, (SyncMessage.Rbsr) message);
  }

  private List<Outgoing> summary(String source, VersionVector remote) {
    List<Change> missing = new ArrayList<>();
    for (Change c : replica.delivered()) {
      if (!remote.covers(c.dot())) {
        missing.add(c);
      }
    }
    List<Outgoing> out = changesTo(source, missing);
    if (!replica.versionVector().dominates(remote)) {
      out.add(new Outgoing(source, new SyncMessage.Summary(replica.versionVector())));
    }
    return out;
  }

  /**
   * Offers changes in causal order: a change waits (in memory, bounded) until everything its author
   * had seen is delivered, so that no read shows an origin's later write without its earlier ones
   * (monotonic writes), whatever order the relay, a lossy link or RBSR's id order brings them in.
   */
  private void apply(String source, List<Change> changes) throws StorageException {
    for (Change c : changes) {
      if (!replica.versionVector().covers(c.dot()) && waiting.size() < MAX_WAITING) {
        waiting.putIfAbsent(c.dot(), c);
      }
    }
    boolean progress = true;
    while (progress) {
      progress = false;
      Iterator<Change> it = waiting.values().iterator();
      while (it.hasNext()) {
        Change c = it.next();
        VersionVector vv = replica.versionVector();
        if (vv.covers(c.dot())) {
          it.remove();
        } else if (vv.dominates(c.seen())) {
          it.remove();
          progress = true;
          if (replica.apply(c) instanceof ApplyResult.Rejected r) {
            log.accept("rejected change " + c.dot() + " from " + source + ": " + r.reason());
          }
        }
      }
    }
  }

  /** Changes received but waiting for their causal past. */
  public int waiting() {
    return waiting.size();
  }

  private List<Outgoing> rbsr(String source, SyncMessage.Rbsr m) {
    // A frame from the initiator is answered by our responder session, and the other way round.
    String key = key(source, m.session(), !m.fromInitiator());
    RbsrSession s = sessions.get(key);
    if (s == null) {
      if (!m.fromInitiator()) {
        return List.of(); // an answer to a session we forgot: the next tick starts a new one
      }
      s = RbsrSession.responder(items(), RbsrConfig.DEFAULT);
      sessions.put(key, s);
    }
    List<Outgoing> out = new ArrayList<>();
    try {
      for (byte[] f : s.receive(m.frame())) {
        out.add(new Outgoing(source, new SyncMessage.Rbsr(m.session(), !m.fromInitiator(), f)));
      }
    } catch (DecodeException e) {
      log.accept("malformed RBSR frame from " + source + ": " + e.getMessage());
      sessions.remove(key);
      return List.of();
    }
    List<SyncId> toSend = new ArrayList<>(s.toSend());
    int sent = sentBySession.getOrDefault(key, 0);
    if (toSend.size() > sent) {
      sentBySession.put(key, toSend.size());
      out.addAll(changesTo(source, byIds(toSend.subList(sent, toSend.size()))));
    }
    return out;
  }

  private List<Change> byIds(List<SyncId> wanted) {
    Map<SyncId, Change> index = new HashMap<>();
    for (Change c : replica.delivered()) {
      index.put(id(c), c);
    }
    List<Change> out = new ArrayList<>();
    for (SyncId w : wanted) {
      Change c = index.get(w);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  private List<Outgoing> changesTo(String destination, List<Change> changes) {
    List<Outgoing> out = new ArrayList<>();
    for (int i = 0; i < changes.size(); i += CHANGES_PER_MESSAGE) {
      List<Change> part = changes.subList(i, Math.min(changes.size(), i + CHANGES_PER_MESSAGE));
      out.add(new Outgoing(destination, new SyncMessage.Changes(part)));
    }
    return out;
  }

  private SyncItems items() {
    List<SyncItems.Item> items = new ArrayList<>();
    for (Change c : replica.delivered()) {
      items.add(new SyncItems.Item(c.timestamp().wallMillis(), id(c)));
    }
    return SyncItems.of(items);
  }

  private SyncId id(Change c) {
    return ids.computeIfAbsent(c.dot(), d -> SyncId.of(ChangeCodec.contentHash(c)));
  }

  private static String key(String peer, long session, boolean initiator) {
    return peer + "/" + session + "/" + (initiator ? "i" : "r");
  }
}

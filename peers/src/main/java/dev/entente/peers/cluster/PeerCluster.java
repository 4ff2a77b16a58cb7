package dev.entente.peers.cluster;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.history.History;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.peers.launch.PeerLauncher;
import dev.entente.peers.protocol.MapOp;
import dev.entente.peers.protocol.PeerClient;
import dev.entente.peers.protocol.PeerError;
import dev.entente.peers.protocol.PeerFault;
import dev.entente.peers.protocol.PeerFinding;
import dev.entente.peers.protocol.PeerInfo;
import dev.entente.peers.protocol.ReplicaProtocol;
import dev.entente.simulations.event.TraceLog;
import dev.entente.simulations.run.HistoryRecorder;
import dev.entente.simulations.workload.ClientOp;
import dev.entente.simulations.workload.OpResolver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Replicas of one implementation behind the replica protocol, driven one request at a time, and the
 * Jepsen history of what was asked and answered. The harness gives every write a dot ({@code
 * replica:seq}) and a causal past (what the writer had been given), so that the model's checkers
 * judge a peer's reads exactly as they judge Entente's: a read records the replica's view and its
 * knowledge vector. The first {@link PeerFinding} (a hang, crash, malformed line, protocol breach)
 * stops everything: later calls do nothing. Mutable; owned by one run.
 */
public final class PeerCluster implements AutoCloseable {
  private static final Keyword REPLICA = Keyword.of("replica");

  private final List<PeerNode> nodes = new ArrayList<>();
  private final Map<Dot, Change> changes = new TreeMap<>();
  private final HistoryRecorder history;
  private final TraceLog trace;
  private final LongSupplier ticks;
  private @Nullable PeerFinding finding;
  private @Nullable PeerInfo info;
  private long definiteErrors;
  private long indefiniteErrors;
  private long messages;
  private long messageBytes;

  /** A cluster tracing to {@code trace}, at the virtual time {@code ticks} gives. */
  public PeerCluster(TraceLog trace, LongSupplier ticks) {
    this.trace = trace;
    this.ticks = ticks;
    this.history = new HistoryRecorder(trace);
  }

  /**
   * Starts replicas {@code ids} with {@code launcher}, each with its physical clock, and shakes
   * hands with each. Returns false (with the finding recorded) if one fails.
   */
  public boolean start(PeerLauncher launcher, List<String> ids, List<LongSupplier> clocks) {
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      try {
        PeerClient client = new PeerClient(id, launcher.open(id), trace::add);
        nodes.add(new PeerNode(i, ReplicaId.of(id), client, clocks.get(i)));
      } catch (PeerFault e) {
        finding = e.finding();
        return false;
      }
    }
    for (PeerNode n : nodes) {
      List<String> peers = new ArrayList<>(ids);
      peers.remove(n.id.value());
      try {
        PeerInfo i = n.client.init(peers, n.physicalMillis.getAsLong());
        info = info == null ? i : info;
        if (!i.sync().contains(ReplicaProtocol.SYNC_STATE)) {
          return fail(n, "init", "supports.sync lacks " + ReplicaProtocol.SYNC_STATE);
        }
      } catch (PeerFault e) {
        finding = e.finding();
        return false;
      } catch (PeerError e) {
        return fail(n, "init", "init failed: code " + e.code() + " " + e.getMessage());
      }
    }
    return true;
  }

  private boolean fail(PeerNode n, String request, String line) {
    finding = new PeerFinding(PeerFinding.Kind.PROTOCOL, n.id.value(), request, line);
    return false;
  }

  /** The replicas, in slot order. */
  public List<PeerNode> nodes() {
    return List.copyOf(nodes);
  }

  /** True once a finding stopped the cluster. */
  public boolean broken() {
    return finding != null;
  }

  /** The finding that stopped the cluster, if any. */
  public @Nullable PeerFinding finding() {
    return finding;
  }

  /** What the first replica said it is, once started. */
  public @Nullable PeerInfo info() {
    return info;
  }

  /** Executes client op {@code op} (a read or a write) on {@code node}. */
  public void invoke(PeerNode node, ClientOp op) {
    if (finding != null) {
      return;
    }
    try {
      if (op instanceof ClientOp.Read) {
        read(node);
      } else {
        write(node, op);
      }
    } catch (PeerFault e) {
      finding = e.finding();
    }
  }

  private void read(PeerNode node) throws PeerFault {
    long t = ticks.getAsLong();
    history.add(OpType.INVOKE, node.slot, KvOps.READ, Map.of(REPLICA, node.id.value()), t, null);
    try {
      MaterialisedMap view = view(node);
      history.add(
          OpType.OK,
          node.slot,
          KvOps.READ,
          KvOps.readValue(node.id, node.knowledge, view),
          t,
          null);
    } catch (PeerError e) {
      failed(node, KvOps.READ, e, t);
    }
  }

  private void write(PeerNode node, ClientOp op) throws PeerFault {
    long t = ticks.getAsLong();
    long seq = node.knowledge.get(node.id) + 1;
    MaterialisedMap view = MaterialisedMap.EMPTY;
    try {
      if (op instanceof ClientOp.CalendarAdjust) {
        view = view(node);
      }
    } catch (PeerError e) {
      history.add(OpType.INVOKE, node.slot, KvOps.WRITE, Map.of(REPLICA, node.id.value()), t, null);
      failed(node, KvOps.WRITE, e, t);
      return;
    }
    List<Op> ops = OpResolver.resolve(op, view, node.id + "-" + seq);
    long millis = node.physicalMillis.getAsLong();
    Change change = new Change(node.id, seq, new HlcTimestamp(millis, 0), node.knowledge, ops);
    Object value = KvOps.writeValue(change);
    history.add(OpType.INVOKE, node.slot, KvOps.WRITE, value, t, null);
    try {
      node.client.transact(mapOps(ops), millis);
    } catch (PeerError e) {
      failed(node, KvOps.WRITE, e, t);
      return;
    }
    node.knowledge = node.knowledge.with(node.id, seq);
    changes.put(change.dot(), change);
    history.add(OpType.OK, node.slot, KvOps.WRITE, value, t, null);
  }

  private void failed(PeerNode node, Keyword f, PeerError e, long t) {
    OpType type = e.definite() ? OpType.FAIL : OpType.INFO;
    if (e.definite()) {
      definiteErrors++;
    } else {
      indefiniteErrors++;
    }
    history.add(
        type, node.slot, f, Map.of(REPLICA, node.id.value()), t, Keyword.of("code-" + e.code()));
  }

  /**
   * The message {@code from} would send to {@code to}, or null (nothing to send, an error reply, or
   * the cluster is broken).
   */
  public @Nullable SyncPayload syncOut(PeerNode from, ReplicaId to) {
    if (finding != null) {
      return null;
    }
    try {
      byte[] bytes = from.client.syncOut(to.value(), from.physicalMillis.getAsLong());
      if (bytes == null) {
        return null;
      }
      messages++;
      messageBytes += bytes.length;
      return new SyncPayload(bytes, from.knowledge);
    } catch (PeerFault e) {
      finding = e.finding();
    } catch (PeerError e) {
      trace.add("sync-out error at " + from.id + ": " + e.code() + " " + e.getMessage());
    }
    return null;
  }

  /** Hands {@code to} a message from {@code from}; an accepted message adds to its knowledge. */
  public void syncIn(PeerNode to, ReplicaId from, SyncPayload payload) {
    if (finding != null) {
      return;
    }
    try {
      to.client.syncIn(from.value(), payload.bytes(), to.physicalMillis.getAsLong());
      to.knowledge = to.knowledge.merge(payload.senderKnew());
    } catch (PeerFault e) {
      finding = e.finding();
    } catch (PeerError e) {
      trace.add("sync-in error at " + to.id + ": " + e.code() + " " + e.getMessage());
    }
  }

  /** Records a nemesis event in the history. */
  public void nemesis(String f, Object value) {
    history.nemesis(f, value, ticks.getAsLong());
  }

  /** Every replica's knowledge and view, or empty if the cluster is broken. */
  public List<ReplicaObservation> observe() {
    List<ReplicaObservation> out = new ArrayList<>();
    for (PeerNode n : nodes) {
      if (finding != null) {
        return List.of();
      }
      try {
        out.add(new ReplicaObservation(n.id, delivered(n.knowledge), view(n)));
      } catch (PeerFault e) {
        finding = e.finding();
      } catch (PeerError e) {
        return List.of();
      }
    }
    return finding == null ? out : List.of();
  }

  /** True if every replica has been given the same changes and shows the same map. */
  public boolean quiescent() {
    List<ReplicaObservation> all = observe();
    if (all.isEmpty()) {
      return finding != null;
    }
    for (ReplicaObservation o : all) {
      if (!o.view().equals(all.get(0).view())
          || !nodes.get(0).knowledge.equals(node(o.replica()).knowledge)) {
        return false;
      }
    }
    return true;
  }

  private PeerNode node(ReplicaId id) {
    for (PeerNode n : nodes) {
      if (n.id.equals(id)) {
        return n;
      }
    }
    throw new IllegalArgumentException("no replica " + id);
  }

  /** The history so far. */
  public History history() {
    return history.history();
  }

  /** Changes written, sync messages produced, their bytes, definite and indefinite errors. */
  public ClusterCounts counts() {
    long applyCalls = 0;
    long roundTrip = 0;
    long inPeer = 0;
    for (PeerNode n : nodes) {
      applyCalls += n.client.applyCalls();
      roundTrip += n.client.applyRoundTripNanos();
      inPeer += n.client.applyPeerNanos();
    }
    return new ClusterCounts(
        changes.size(),
        messages,
        messageBytes,
        definiteErrors,
        indefiniteErrors,
        applyCalls,
        roundTrip,
        inPeer);
  }

  @Override
  public void close() {
    nodes.forEach(n -> n.client.close());
  }

  private List<Change> delivered(VersionVector knowledge) {
    List<Change> out = new ArrayList<>();
    for (Change c : changes.values()) {
      if (knowledge.covers(c.dot())) {
        out.add(c);
      }
    }
    return out;
  }

  private MaterialisedMap view(PeerNode node) throws PeerFault, PeerError {
    SortedMap<String, List<String>> state = node.client.state(node.physicalMillis.getAsLong());
    Map<Key, Collection<Value>> entries = new TreeMap<>();
    state.forEach((k, vs) -> entries.put(Key.of(k), vs.stream().map(Value::of).toList()));
    return MaterialisedMap.of(entries);
  }

  private static List<MapOp> mapOps(List<Op> ops) {
    List<MapOp> out = new ArrayList<>();
    for (Op op : ops) {
      out.add(
          op instanceof Op.Put p
              ? MapOp.put(p.key().value(), p.value().value())
              : MapOp.delete(op.key().value()));
    }
    return out;
  }
}

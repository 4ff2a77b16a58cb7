package dev.entente.simulations.sync;

import dev.entente.impl.Replica;
import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Op-based push with reliable causal broadcast: a local change is pushed to every peer at once;
 * receivers hold arrivals in a {@link CausalBuffer} until their causal past is delivered, and
 * acknowledge with their version vector. On each tick, a replica resends to each peer the delivered
 * changes (its own and relayed ones) that peer has not acknowledged, at most {@link #BATCH} per
 * message, so loss, partitions and crashes of the author are repaired.
 */
public final class OpPush implements AntiEntropy {
  /** Most changes per retransmission. */
  public static final int BATCH = 64;

  private final SyncContext ctx;
  private final Map<ReplicaId, VersionVector> acked = new TreeMap<>();

  /** A protocol instance for {@code ctx.replica()}. */
  public OpPush(SyncContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<Outgoing> onLocalChange(Change change, List<ReplicaId> peers) {
    List<Outgoing> out = new ArrayList<>();
    for (ReplicaId p : peers) {
      out.add(new Outgoing(p, new SyncMessage.Changes(List.of(change))));
    }
    return out;
  }

  @Override
  public List<Outgoing> onTick(List<ReplicaId> peers) {
    List<Outgoing> out = new ArrayList<>();
    for (ReplicaId p : peers) {
      VersionVector theirs = acked.getOrDefault(p, VersionVector.EMPTY);
      List<Change> missing = ctx.changesSince().apply(ctx.replica(), theirs);
      if (!missing.isEmpty()) {
        Coverage.mark(SimMark.SYNC_OP_RETRANSMIT);
        if (missing.size() > BATCH) {
          Coverage.mark(SimMark.SYNC_OP_BATCH_FULL);
        }
        List<Change> batch = missing.subList(0, Math.min(BATCH, missing.size()));
        out.add(new Outgoing(p, new SyncMessage.Changes(batch)));
      }
    }
    return out;
  }

  @Override
  public List<Outgoing> onMessage(ReplicaId from, SyncMessage message) {
    Replica replica = ctx.replica();
    if (message instanceof SyncMessage.Changes m) {
      for (Change c : m.changes()) {
        ctx.buffer().offer(c, replica.versionVector());
      }
      ctx.buffer().drain(replica, ctx.results());
      return List.of(new Outgoing(from, new SyncMessage.Ack(replica.versionVector())));
    }
    if (message instanceof SyncMessage.Ack m) {
      acked.merge(from, m.delivered(), VersionVector::merge);
    }
    return List.of();
  }

  @Override
  public List<Change> held() {
    return ctx.buffer().held();
  }
}

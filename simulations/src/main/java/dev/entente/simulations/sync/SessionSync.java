package dev.entente.simulations.sync;

import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.List;

/**
 * What the reconciliation kinds share: every sync tick starts one numbered session with one random
 * peer, local changes wait for the next session, and received changes go through the causal buffer
 * (sessions ship them in id or filter order, not causal order). Mutable, not thread-safe.
 */
abstract class SessionSync implements AntiEntropy {
  final SyncContext ctx;
  private long nextSession;

  SessionSync(SyncContext ctx) {
    this.ctx = ctx;
    // Session numbers of a restarted replica must not meet its old ones at a peer.
    this.nextSession = ctx.prng().nextLong() & Long.MAX_VALUE;
  }

  /** The first messages of a new session {@code session} this replica starts with {@code peer}. */
  abstract List<Outgoing> start(ReplicaId peer, long session);

  @Override
  public final List<Outgoing> onLocalChange(Change change, List<ReplicaId> peers) {
    return List.of();
  }

  @Override
  public final List<Outgoing> onTick(List<ReplicaId> peers) {
    if (peers.isEmpty()) {
      return List.of();
    }
    ReplicaId peer = ctx.prng().pick(peers);
    return start(peer, nextSession++);
  }

  /** Offers received changes to the causal buffer and delivers what has become deliverable. */
  final void deliver(List<Change> changes) {
    for (Change c : changes) {
      ctx.buffer().offer(c, ctx.replica().versionVector());
    }
    ctx.buffer().drain(ctx.replica(), ctx.results());
  }

  /** The replica's whole log, in delivery order. */
  final List<Change> log() {
    return ctx.replica().changesSince(VersionVector.EMPTY);
  }

  @Override
  public final List<Change> held() {
    return ctx.buffer().held();
  }
}

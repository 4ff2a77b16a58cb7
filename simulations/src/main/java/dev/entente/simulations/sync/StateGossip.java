package dev.entente.simulations.sync;

import dev.entente.impl.ApplyResult;
import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import java.util.List;

/**
 * Full-state gossip: on each tick a replica sends its whole {@link dev.entente.impl.ReplicaState}
 * to one random peer, which merges it. Simple, robust to any loss, and expensive in bytes.
 */
public final class StateGossip implements AntiEntropy {
  private final SyncContext ctx;

  /** A protocol instance for {@code ctx.replica()}. */
  public StateGossip(SyncContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<Outgoing> onLocalChange(Change change, List<ReplicaId> peers) {
    return List.of();
  }

  @Override
  public List<Outgoing> onTick(List<ReplicaId> peers) {
    if (peers.isEmpty()) {
      return List.of();
    }
    ReplicaId peer = ctx.prng().pick(peers);
    return List.of(new Outgoing(peer, new SyncMessage.State(ctx.replica().state())));
  }

  @Override
  public List<Outgoing> onMessage(ReplicaId from, SyncMessage message) {
    if (message instanceof SyncMessage.State m) {
      for (ApplyResult.Rejected r : ctx.replica().merge(m.state())) {
        ctx.results().accept(r);
      }
    }
    return List.of();
  }

  @Override
  public List<Change> held() {
    return List.of();
  }
}

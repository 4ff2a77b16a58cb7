package dev.entente.simulations.broken;

import dev.entente.impl.ReplicaState;
import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.simulations.sync.AntiEntropy;
import dev.entente.simulations.sync.Outgoing;
import dev.entente.simulations.sync.StateGossip;
import dev.entente.simulations.sync.SyncContext;
import dev.entente.simulations.sync.SyncMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * State gossip whose snapshots leave out the sender's own newest change, as if the state were read
 * from storage before the last write was flushed: that change never leaves its author.
 */
public final class StaleStateGossip implements AntiEntropy {
  private final StateGossip delegate;
  private final SyncContext ctx;

  /** Wraps the real protocol for {@code ctx}. */
  public StaleStateGossip(SyncContext ctx) {
    this.delegate = new StateGossip(ctx);
    this.ctx = ctx;
  }

  @Override
  public List<Outgoing> onLocalChange(Change change, List<ReplicaId> peers) {
    return delegate.onLocalChange(change, peers);
  }

  @Override
  public List<Outgoing> onTick(List<ReplicaId> peers) {
    List<Outgoing> out = new ArrayList<>();
    for (Outgoing o : delegate.onTick(peers)) {
      out.add(
          o.message() instanceof SyncMessage.State s
              ? new Outgoing(o.to(), new SyncMessage.State(withoutOwnNewest(s.state())))
              : o);
    }
    return out;
  }

  @Override
  public List<Outgoing> onMessage(ReplicaId from, SyncMessage message) {
    return delegate.onMessage(from, message);
  }

  @Override
  public List<Change> held() {
    return delegate.held();
  }

  private ReplicaState withoutOwnNewest(ReplicaState state) {
    ReplicaId self = ctx.replica().id();
    Change newest = null;
    for (Change c : state.changes()) {
      if (c.author().equals(self) && (newest == null || c.seq() > newest.seq())) {
        newest = c;
      }
    }
    List<Change> kept = new ArrayList<>(state.changes());
    kept.remove(newest);
    return ReplicaState.of(state.policy(), kept);
  }
}

package dev.entente.simulations.broken;

import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.simulations.sync.AntiEntropy;
import dev.entente.simulations.sync.OpPush;
import dev.entente.simulations.sync.Outgoing;
import dev.entente.simulations.sync.SyncContext;
import dev.entente.simulations.sync.SyncMessage;
import java.util.List;

/**
 * Op push that never retransmits: a change lost by the network (or sent into a partition) is lost
 * for good, so replicas never converge.
 */
public final class SilentOpPush implements AntiEntropy {
  private final OpPush delegate;

  /** Wraps the real protocol for {@code ctx}. */
  public SilentOpPush(SyncContext ctx) {
    this.delegate = new OpPush(ctx);
  }

  @Override
  public List<Outgoing> onLocalChange(Change change, List<ReplicaId> peers) {
    return delegate.onLocalChange(change, peers);
  }

  @Override
  public List<Outgoing> onTick(List<ReplicaId> peers) {
    return List.of();
  }

  @Override
  public List<Outgoing> onMessage(ReplicaId from, SyncMessage message) {
    return delegate.onMessage(from, message);
  }

  @Override
  public List<Change> held() {
    return delegate.held();
  }
}

package dev.entente.simulations.sync;

import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import java.util.List;

/**
 * Version-vector delta pull: on each tick a replica sends its version vector to one random peer,
 * which replies with {@code changesSince} that vector (in its delivery order, so causal for MV).
 * The receiver applies them directly; an MV replica buffers internally until they are causally
 * ready.
 */
public final class DeltaPull implements AntiEntropy {
  private final SyncContext ctx;

  /** A protocol instance for {@code ctx.replica()}. */
  public DeltaPull(SyncContext ctx) {
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
    return List.of(new Outgoing(peer, new SyncMessage.Pull(ctx.replica().versionVector())));
  }

  @Override
  public List<Outgoing> onMessage(ReplicaId from, SyncMessage message) {
    if (message instanceof SyncMessage.Pull m) {
      List<Change> missing = ctx.changesSince().apply(ctx.replica(), m.have());
      Coverage.mark(
          missing.isEmpty() ? SimMark.SYNC_DELTA_NOTHING_MISSING : SimMark.SYNC_DELTA_SENT);
      return missing.isEmpty()
          ? List.of()
          : List.of(new Outgoing(from, new SyncMessage.Changes(missing)));
    }
    if (message instanceof SyncMessage.Changes m) {
      for (Change c : m.changes()) {
        ctx.results().accept(ctx.replica().apply(c));
      }
    }
    return List.of();
  }

  @Override
  public List<Change> held() {
    return List.of();
  }
}

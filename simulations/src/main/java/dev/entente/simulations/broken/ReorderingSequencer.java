package dev.entente.simulations.broken;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.ReplicaId;
import dev.entente.simulations.sync.Sequencer;
import dev.entente.simulations.sync.SyncMessage;
import org.jspecify.annotations.Nullable;

/**
 * A sequencer that acknowledges writes in arrival order but makes them visible to readers in
 * swapped pairs: after acknowledging {@code w1} and then {@code w2}, reads see {@code w2} before
 * {@code w1}. Readers can then miss their own acknowledged write, or see an origin's later write
 * without its earlier one.
 */
public final class ReorderingSequencer extends Sequencer {
  private final Replica visible;
  private @Nullable Change heldBack;

  /** A sequencer around {@code server}; reads are served from a separately fed copy. */
  public ReorderingSequencer(Replica server) {
    super(server);
    this.visible =
        Replica.create(
            ReplicaId.of("visible"), server.policy(), KeyGroups.byParentPath(), new LamportClock());
  }

  @Override
  public @Nullable SyncMessage handle(SyncMessage request) {
    SyncMessage reply = super.handle(request);
    if (reply instanceof SyncMessage.WriteReply w) {
      if (heldBack == null) {
        heldBack = w.change();
      } else {
        visible.apply(w.change());
        visible.apply(heldBack);
        heldBack = null;
      }
      return reply;
    }
    if (request instanceof SyncMessage.ReadRequest r) {
      return new SyncMessage.ReadReply(
          r.requestId(), visible.versionVector(), visible.materialise());
    }
    return reply;
  }
}

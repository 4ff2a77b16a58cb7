package dev.entente.simulations.sync;

import dev.entente.impl.Replica;
import dev.entente.model.Change;
import org.jspecify.annotations.Nullable;

/**
 * The single-server baseline: one authority replica orders every write in arrival order and serves
 * every read, so the history is linearizable by construction. Mutable, not thread-safe.
 *
 * <p>Not final: a mutant overrides {@link #handle} (for example to acknowledge writes in a
 * different order than it applies them).
 */
public class Sequencer {
  /** The authority's replica. */
  protected final Replica server;

  /** A sequencer around {@code server}. */
  public Sequencer(Replica server) {
    this.server = server;
  }

  /** The reply to a client's request, or null if the request is not one the server answers. */
  public @Nullable SyncMessage handle(SyncMessage request) {
    if (request instanceof SyncMessage.WriteRequest w) {
      Change change = server.transact(w.ops());
      return new SyncMessage.WriteReply(w.requestId(), change);
    }
    if (request instanceof SyncMessage.ReadRequest r) {
      return new SyncMessage.ReadReply(r.requestId(), server.versionVector(), server.materialise());
    }
    return null;
  }
}

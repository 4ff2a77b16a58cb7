package dev.entente.simulations.run;

import dev.entente.simulations.sync.SyncMessage;
import dev.entente.simulations.workload.ClientOp;

/**
 * Jepsen's client: executes one client op of the workload against one machine and records it in the
 * history (invocation and completion) with the {@code KvOps} encoding. The {@link Simulation} hands
 * it each planned op at its tick; it acts on the cluster only through its {@link World}.
 */
interface Client {
  /** Executes {@code op} on {@code node} at the current tick. */
  void invoke(SimNode node, ClientOp op);

  /** Handles a reply to one of this client's requests arriving at {@code node}. */
  void onReply(SimNode node, SyncMessage reply);

  /** True if no request is waiting for a reply. */
  boolean idle();
}

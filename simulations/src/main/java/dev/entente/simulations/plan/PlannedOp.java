package dev.entente.simulations.plan;

import dev.entente.simulations.workload.ClientOp;

/** A client op planned at {@code tick} on the client in slot {@code slot}. Immutable. */
public record PlannedOp(long tick, int slot, ClientOp op) {
  @Override
  public String toString() {
    return "@" + tick + " slot " + slot + " " + op.describe();
  }
}

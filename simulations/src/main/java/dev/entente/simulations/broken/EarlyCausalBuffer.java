package dev.entente.simulations.broken;

import dev.entente.model.Change;
import dev.entente.model.VersionVector;
import dev.entente.simulations.sync.CausalBuffer;

/**
 * A causal buffer that delivers every change at once, before its causal past: replicas then show a
 * later write of an origin without its earlier ones.
 */
public final class EarlyCausalBuffer extends CausalBuffer {
  @Override
  protected boolean isDeliverable(VersionVector delivered, Change change) {
    return true;
  }
}

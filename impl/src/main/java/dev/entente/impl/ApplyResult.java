package dev.entente.impl;

import dev.entente.model.Dot;
import java.util.List;

/**
 * What happened to a change offered to {@link Replica#apply}: expected outcomes are values, not
 * exceptions, because duplicates, early arrivals and forgeries are normal on an untrusted network.
 */
public sealed interface ApplyResult
    permits ApplyResult.Applied, ApplyResult.Duplicate, ApplyResult.Buffered, ApplyResult.Rejected {

  /** The offered change's dot. */
  Dot dot();

  /**
   * The change was delivered, together with any buffered changes it released, in delivery order
   * ({@code delivered.get(0)} is the offered change).
   */
  record Applied(Dot dot, List<Dot> delivered) implements ApplyResult {
    /** Copies the list. */
    public Applied {
      delivered = List.copyOf(delivered);
    }
  }

  /** The replica already holds this exact change; nothing changed. */
  record Duplicate(Dot dot) implements ApplyResult {}

  /**
   * The change waits for causal predecessors (MV policy only); {@code missing} names the dots it
   * still needs, as ranges like {@code B:2..4}.
   */
  record Buffered(Dot dot, String missing) implements ApplyResult {}

  /** The change was refused and not applied; {@code reason} says why. */
  record Rejected(Dot dot, String reason) implements ApplyResult {}
}

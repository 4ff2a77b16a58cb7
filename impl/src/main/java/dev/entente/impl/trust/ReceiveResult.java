package dev.entente.impl.trust;

import dev.entente.impl.codec.Hash32;
import java.util.List;

/**
 * What happened to an envelope offered to {@link TrustedReplica#receive}. Expected outcomes are
 * values: forgeries, duplicates and early arrivals are normal on an untrusted network.
 */
public sealed interface ReceiveResult {
  /**
   * Verified and accepted, together with pending envelopes it released ({@code accepted.get(0)} is
   * the offered one). {@code newEquivocations} is true if accepting revealed a dot with two
   * versions.
   */
  record Accepted(List<Hash32> accepted, boolean newEquivocations) implements ReceiveResult {
    /** Copies the list. */
    public Accepted {
      accepted = List.copyOf(accepted);
    }
  }

  /** The replica already holds this exact envelope. */
  record Duplicate(Hash32 hash) implements ReceiveResult {}

  /** Waits until the envelopes it links to arrive; {@code missing} are their hashes. */
  record Pending(Hash32 hash, List<Hash32> missing) implements ReceiveResult {
    /** Copies the list. */
    public Pending {
      missing = List.copyOf(missing);
    }
  }

  /** Refused; not applied. */
  record Rejected(Rejection rejection) implements ReceiveResult {}
}

package dev.entente.impl.trust;

import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Check;

/**
 * Proof that an author equivocated: two envelopes with one dot and different content. It is only a
 * proof once both envelopes verify, which {@link TrustedReplica#receive} does for each; sending
 * both envelopes is how the proof spreads with anti-entropy. Immutable; {@code first} has the
 * smaller hash, so equal proofs are equal values.
 */
public record EquivocationProof(SignedEnvelope first, SignedEnvelope second) {
  /** Validates that the two envelopes share a dot and differ, and orders them by hash. */
  public EquivocationProof {
    Check.argument(first != null && second != null, "proof envelopes must not be null");
    Check.argument(first.dot().equals(second.dot()), "a proof needs two envelopes with one dot");
    Check.argument(!first.hash().equals(second.hash()), "a proof needs two different envelopes");
    if (first.hash().compareTo(second.hash()) > 0) {
      SignedEnvelope t = first;
      first = second;
      second = t;
    }
  }
}

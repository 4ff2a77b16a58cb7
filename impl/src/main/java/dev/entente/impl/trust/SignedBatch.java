package dev.entente.impl.trust;

import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Check;
import java.util.List;

/**
 * A batch as it travels: the envelopes (in causal order, each carrying the batch's signature bytes)
 * and the {@link BatchSignature} that covers them. Immutable.
 */
public record SignedBatch(BatchSignature signature, List<SignedEnvelope> envelopes) {
  /** Validates and copies. */
  public SignedBatch {
    Check.argument(signature != null && envelopes != null, "batch parts must not be null");
    envelopes = List.copyOf(envelopes);
  }
}

package dev.entente.impl.trust;

import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.Check;
import java.util.List;
import java.util.Optional;

/**
 * The decisions of {@link TrustedReplica} that the simulator's mutants replace to prove its
 * checkers bite: how a signature is verified, how hash links are checked against {@code seen},
 * whether two valid versions of one dot are quarantined, and which timestamps are acceptable.
 * Production code uses {@link #REAL}. Immutable.
 *
 * @param signatures verifies a signature under a member key
 * @param links why an envelope's links are not the maximal elements of its {@code seen}, or empty
 * @param quarantine true if the versions of one dot (two or more) are to be quarantined
 * @param timestamps which timestamps are acceptable after the change's predecessors
 */
public record TrustSeams(
    SignatureCheck signatures,
    LinkCheck links,
    QuarantineRule quarantine,
    TimestampRule timestamps) {
  /** Verifies a signature. */
  @FunctionalInterface
  public interface SignatureCheck {
    /** True if {@code signature} is a valid signature of {@code message} under {@code key}. */
    boolean verify(DevicePublicKey key, byte[] message, byte[] signature);
  }

  /** Checks hash links against {@code seen}. */
  @FunctionalInterface
  public interface LinkCheck {
    /**
     * Why {@code linked} are not the maximal elements of {@code change.seen()}, or empty; {@code
     * past} answers hash-linked ancestry among accepted envelopes.
     */
    Optional<String> disagreement(Change change, List<SignedEnvelope> linked, HashPast past);
  }

  /** Hash-linked ancestry among a replica's accepted envelopes. */
  @FunctionalInterface
  public interface HashPast {
    /** True if {@code ancestor} is in the hash-linked past of {@code descendant}. */
    boolean contains(SignedEnvelope ancestor, SignedEnvelope descendant);
  }

  /** The equivocation rule's trigger. */
  @FunctionalInterface
  public interface QuarantineRule {
    /** True if {@code versions} (valid, one dot, two or more) are all to be quarantined. */
    boolean quarantines(List<SignedEnvelope> versions);
  }

  /**
   * The real decisions: Ed25519, {@link HashLinks}, every equivocated dot quarantined, back-dated
   * changes refused (no bound on the lead: physical clocks, see {@link TimestampRule}).
   */
  public static final TrustSeams REAL =
      new TrustSeams(
          Ed25519::verify,
          HashLinks::disagreement,
          versions -> versions.size() > 1,
          TimestampRule.causal(TimestampRule.UNBOUNDED));

  /** Rejects nulls. */
  public TrustSeams {
    Check.argument(
        signatures != null && links != null && quarantine != null && timestamps != null,
        "trust seams must be non-null");
  }

  /** The first three decisions, with {@link #REAL}'s timestamp rule. */
  public TrustSeams(SignatureCheck signatures, LinkCheck links, QuarantineRule quarantine) {
    this(signatures, links, quarantine, TimestampRule.causal(TimestampRule.UNBOUNDED));
  }

  /** These seams with another timestamp rule. */
  public TrustSeams withTimestamps(TimestampRule rule) {
    return new TrustSeams(signatures, links, quarantine, rule);
  }
}

package dev.entente.impl.seal;

import dev.entente.impl.codec.Hash32;

/** What {@link EpochKeyring#receive(EpochRotation, java.util.function.Function)} did. */
public sealed interface RotationResult {
  /** Verified and unwrapped: this device can read the epoch. */
  record Installed(Hash32 epoch, long number) implements RotationResult {}

  /** Verified, but this device is not a reader: it cannot read frames of that epoch. */
  record NotAReader(Hash32 epoch, long number) implements RotationResult {}

  /** Already received. */
  record Duplicate(Hash32 epoch) implements RotationResult {}

  /** Refused, for {@code reason}. */
  record Rejected(Reason reason, String detail) implements RotationResult {}

  /** Why a rotation is refused. */
  enum Reason {
    /** Bytes are not a rotation. */
    MALFORMED,
    /** For another document. */
    WRONG_DOCUMENT,
    /** The rotator is not a member (per the caller's membership). */
    NOT_A_MEMBER,
    /** The signature does not verify under the rotator's member key. */
    BAD_SIGNATURE,
    /** The rotator is not among the readers (it knows the secret, so it must be one). */
    ROTATOR_NOT_A_READER,
    /** This device is a reader but its wrapped key does not open. */
    UNWRAP_FAILED
  }
}

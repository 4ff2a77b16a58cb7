package dev.entente.impl.coverage;

import dev.entente.model.coverage.CoverageMark;

/**
 * The coverage marks of sealing and batch signing ({@code impl.seal}, {@code impl.trust}): the
 * paths an adversarial relay or a membership change should be shown to reach. A catalogue of its
 * own, apart from {@link ImplMark}, because the default simulator profiles do not seal: a relay
 * profile that does may require it. Each is hit at exactly one place, named in its Javadoc.
 */
public enum SealMark implements CoverageMark {
  /** {@code EpochKeyring.seal}. */
  SEAL_ROTATED_AFTER_REMOVAL(
      "a writer found a reader of its epochs removed and rotated before sealing"),
  /** {@code EpochKeyring.open}. */
  SEAL_FRAME_TAMPERED("a frame failed its AEAD tag: changed bytes or a moved header"),
  /** {@code EpochKeyring.open}. */
  SEAL_NONCE_REPLAY_REFUSED("an authentic frame reused the nonce of another frame of its epoch"),
  /** {@code EpochKeyring.open}. */
  SEAL_EPOCH_NOT_A_READER("a device opened a frame of an epoch it is not a reader of"),
  /** {@code BatchVerifier.batchVerifies}. */
  BATCH_SIGNATURE_REUSED("a batch member's signature was valid by a batch verified before");

  private final String description;

  SealMark(String description) {
    this.description = description;
  }

  @Override
  public String markName() {
    return CoverageMark.nameOf(this);
  }

  @Override
  public String description() {
    return description;
  }
}

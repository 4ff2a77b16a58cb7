package dev.entente.impl.seal;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;

/**
 * What {@link EpochKeyring#open} made of a frame. The envelope inside an opened frame is still
 * unverified: the trusted replica checks its signature, links and membership.
 */
public sealed interface OpenResult {
  /** Decrypted; {@code envelope} is for this document, by the slot's reader, with this frame id. */
  record Opened(SignedEnvelope envelope, Hash32 epoch, Hash32 frameId) implements OpenResult {}

  /** A frame with this frame id was opened (or sealed) here before. */
  record Duplicate(Hash32 frameId) implements OpenResult {}

  /** Not opened. */
  record Rejected(FrameRejection rejection) implements OpenResult {}
}

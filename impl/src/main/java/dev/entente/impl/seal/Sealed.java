package dev.entente.impl.seal;

import java.util.Optional;

/**
 * What {@link EpochKeyring#seal} produced: the frame, and the rotation it first had to make (which
 * must reach the readers, through the relay like any frame, before they can open the frame).
 */
public record Sealed(Optional<EpochRotation> rotation, SealedFrame frame) {}

package dev.entente.node.relay;

import dev.entente.model.Check;

/**
 * The relay's limits. Immutable.
 *
 * @param maxFrameBytes largest frame body accepted; a larger one closes the connection
 * @param queueCapacity most frames stored per destination (oldest dropped beyond it)
 * @param inflightHigh frames of one sender waiting for the store above which the relay stops
 *     reading that sender's socket (back-pressure)
 * @param inflightLow waiting frames below which reading resumes
 */
public record RelayConfig(int maxFrameBytes, int queueCapacity, int inflightHigh, int inflightLow) {
  /** 1 MiB frames, 10,000 frames per destination, reading paused above 256 waiting frames. */
  public static final RelayConfig DEFAULT = new RelayConfig(1 << 20, 10_000, 256, 64);

  /** Validates the limits. */
  public RelayConfig {
    Check.argument(maxFrameBytes >= 64, "maxFrameBytes must be >= 64, got %d", maxFrameBytes);
    Check.argument(queueCapacity >= 1, "queueCapacity must be >= 1, got %d", queueCapacity);
    Check.argument(
        inflightLow >= 0 && inflightLow < inflightHigh,
        "need 0 <= inflightLow < inflightHigh, got %d and %d",
        inflightLow,
        inflightHigh);
  }
}

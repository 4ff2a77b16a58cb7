package dev.entente.impl.seal;

import dev.entente.model.Check;

/**
 * How far a frame's plaintext is padded before sealing, to hide the exact size of what was written.
 *
 * <p>{@link #PADME} follows Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
 * Communication with PURBs" (PETS 2019): a length {@code L} with {@code E = floor(log2 L)} keeps
 * only its top {@code floor(log2 E) + 1} bits, so at most {@code O(log log L)} bits of the size
 * leak and the overhead is at most about 12% (less for large sizes). {@link #POWER_OF_TWO} leaks
 * {@code log log L} bits at up to 100% overhead. {@link #NONE} is the baseline for measurements.
 */
public enum Padding {
  /** No padding. */
  NONE,
  /** PADMÉ. */
  PADME,
  /** The next power of two. */
  POWER_OF_TWO;

  /** The padded length for a plaintext of {@code length} bytes (at least {@code length}). */
  public int padded(int length) {
    Check.argument(
        length >= 0 && length <= (1 << 30), "length must be in [0, 2^30], was %d", length);
    if (length < 2) {
      return length;
    }
    return switch (this) {
      case NONE -> length;
      case PADME -> padme(length);
      case POWER_OF_TWO -> Integer.highestOneBit(length - 1) << 1;
    };
  }

  private static int padme(int length) {
    int e = 31 - Integer.numberOfLeadingZeros(length);
    int s = 32 - Integer.numberOfLeadingZeros(e);
    int mask = (1 << (e - s)) - 1;
    return (length + mask) & ~mask;
  }
}

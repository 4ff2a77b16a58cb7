package dev.entente.impl.sync.rbsr;

import dev.entente.model.Check;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One RBSR message: an optional session salt (the initiator's first frames carry it) and ranges
 * that cover the order from the bottom up, in increasing bound order. Immutable.
 *
 * @param salt the 16-byte session salt, or empty when the frame carries none
 * @param ranges at least one range; bounds strictly increasing; no two skips in a row and no
 *     trailing skip (so the encoding is canonical)
 */
public record Frame(byte[] salt, List<Range> ranges) {
  /** Checks the canonical-form rules and copies. */
  public Frame {
    salt = salt.clone();
    ranges = List.copyOf(ranges);
    Check.argument(salt.length == 0 || salt.length == Fingerprints.SALT_BYTES, "bad salt length");
    Check.argument(!ranges.isEmpty(), "a frame has at least one range");
    for (int i = 0; i < ranges.size(); i++) {
      Range r = ranges.get(i);
      Check.argument(
          i == 0 || ranges.get(i - 1).upper().compareTo(r.upper()) < 0,
          "range bounds must strictly increase");
      Check.argument(
          r.mode() != Mode.SKIP || (i + 1 < ranges.size() && ranges.get(i + 1).mode() != Mode.SKIP),
          "no trailing skip and no two skips in a row");
    }
  }

  /** The salt, if the frame carries one. */
  public Optional<byte[]> saltIfPresent() {
    return salt.length == 0 ? Optional.empty() : Optional.of(salt.clone());
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f && Arrays.equals(salt, f.salt) && ranges.equals(f.ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(salt) * 31 + ranges.hashCode();
  }
}

package dev.entente.impl.sync.merkle;

import dev.entente.impl.sync.rbsr.Fingerprints;
import dev.entente.model.Check;
import java.util.Arrays;
import java.util.List;

/**
 * One Merkle sync message: an optional session salt (the initiator's first frames carry it) and at
 * least one entry. Immutable.
 *
 * @param salt 16 bytes, or empty
 * @param entries the statements, each about one bucket, answered independently
 */
public record MerkleFrame(byte[] salt, List<Entry> entries) {
  /** Checks and copies. */
  public MerkleFrame {
    salt = salt.clone();
    entries = List.copyOf(entries);
    Check.argument(salt.length == 0 || salt.length == Fingerprints.SALT_BYTES, "bad salt length");
    Check.argument(!entries.isEmpty(), "a frame has at least one entry");
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleFrame f && Arrays.equals(salt, f.salt) && entries.equals(f.entries);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(salt) * 31 + entries.hashCode();
  }
}

package dev.entente.impl.seal;

import dev.entente.model.Check;
import java.nio.charset.StandardCharsets;

/**
 * Deterministic {@link Entropy} for tests and the simulator: block {@code i} is {@code
 * HMAC-SHA-256(seed, "entente/seeded-entropy/v1" || i)}, so the same seed gives the same bytes on
 * every run and different seeds give unrelated ones. Not for production keys: whoever knows the
 * seed knows every secret drawn from it. Mutable (a block counter), not thread-safe.
 */
public final class SeededEntropy implements Entropy {
  private static final byte[] TAG = "entente/seeded-entropy/v1".getBytes(StandardCharsets.US_ASCII);

  private final byte[] seed;
  private long counter;
  private byte[] block = new byte[0];
  private int used;

  private SeededEntropy(byte[] seed) {
    this.seed = seed;
  }

  /** A source keyed by {@code seed} (any length, at least 16 bytes). */
  public static SeededEntropy of(byte[] seed) {
    Check.argument(seed != null, "seed must not be null");
    Check.argument(seed.length >= 16, "a seed has at least 16 bytes, was %d", seed.length);
    return new SeededEntropy(seed.clone());
  }

  /** A source keyed by a run seed and a label naming the consumer (a device, a component). */
  public static SeededEntropy of(long runSeed, String label) {
    byte[] l = label.getBytes(StandardCharsets.UTF_8);
    byte[] s = new byte[8 + l.length];
    for (int i = 0; i < 8; i++) {
      s[i] = (byte) (runSeed >>> (56 - 8 * i));
    }
    System.arraycopy(l, 0, s, 8, l.length);
    return new SeededEntropy(Hkdf.extract(TAG, s));
  }

  @Override
  public void fill(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      if (used == block.length) {
        block = Hkdf.hmac(seed, TAG, Bytes.u64(counter++));
        used = 0;
      }
      out[i] = block[used++];
    }
  }

  @Override
  public String toString() {
    return "SeededEntropy[block " + counter + "]";
  }
}

package dev.entente.impl.seal;

/**
 * Where fresh secrets come from (epoch keys, ephemeral wrap keys, nonces). Injected: {@link
 * SeededEntropy} in tests and the simulator, so a run seed names every key; {@link SystemEntropy}
 * (the operating system's CSPRNG) outside. Implementations need not be thread-safe.
 */
@FunctionalInterface
public interface Entropy {
  /** Fills {@code out} with fresh bytes. */
  void fill(byte[] out);

  /** {@code length} fresh bytes. */
  default byte[] next(int length) {
    byte[] out = new byte[length];
    fill(out);
    return out;
  }
}

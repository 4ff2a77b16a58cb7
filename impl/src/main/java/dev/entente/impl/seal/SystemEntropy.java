package dev.entente.impl.seal;

import dev.entente.impl.clock.SuppressForbidden;
import java.security.SecureRandom;

/**
 * The one {@link Entropy} that reads the real world: the operating system's CSPRNG. Only a
 * composition root outside the simulator creates it. Thread-safe.
 */
@SuppressForbidden
public final class SystemEntropy implements Entropy {
  private final SecureRandom random = new SecureRandom(); // allowed: the real source for keys

  @Override
  public void fill(byte[] out) {
    random.nextBytes(out);
  }

  @Override
  public String toString() {
    return "SystemEntropy";
  }
}

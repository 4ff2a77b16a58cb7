package dev.entente.impl.trust;

import dev.entente.impl.clock.SuppressForbidden;
import java.security.SecureRandom;

/**
 * The one place that draws key material from the real world: a fresh seed from the operating
 * system's CSPRNG. Everything else takes a seed (or a {@link DeviceKeyPair}) from its caller, so
 * that the simulator can derive keys from its run seed and replay them.
 */
@SuppressForbidden
public final class SystemKeySource {
  private SystemKeySource() {}

  /** A new device key pair from 32 bytes of real randomness. */
  public static DeviceKeyPair newDeviceKeyPair() {
    byte[] seed = new byte[DeviceKeyPair.SEED_LENGTH];
    new SecureRandom().nextBytes(seed); // allowed: the one real randomness source for keys
    return DeviceKeyPair.fromSeed(seed);
  }
}

package dev.entente.impl.seal;

import dev.entente.model.Check;

/**
 * The four points a mutant may override (the simulator's {@code ClusterFactory} builds them): the
 * nonce source, the associated-data binder, the rotation-on-removal policy and the key wrap.
 * Immutable.
 */
public record SealSeams(
    NonceSource nonces, AdBinder binder, RotationPolicy rotation, KeyWrap wrap) {
  /** Validates the parts. */
  public SealSeams {
    Check.argument(
        nonces != null && binder != null && rotation != null && wrap != null,
        "seal seams must not be null");
  }

  /**
   * The real seams: nonces from {@code entropy}, full AD binding, rotation on any change of
   * membership, X25519 wrap.
   */
  public static SealSeams standard(Entropy entropy) {
    return new SealSeams(
        NonceSource.from(entropy),
        AdBinder.standard(),
        RotationPolicy.standard(),
        new X25519KeyWrap());
  }

  /** These seams with another nonce source. */
  public SealSeams withNonces(NonceSource n) {
    return new SealSeams(n, binder, rotation, wrap);
  }

  /** These seams with another binder. */
  public SealSeams withBinder(AdBinder b) {
    return new SealSeams(nonces, b, rotation, wrap);
  }

  /** These seams with another rotation policy. */
  public SealSeams withRotation(RotationPolicy r) {
    return new SealSeams(nonces, binder, r, wrap);
  }

  /** These seams with another key wrap. */
  public SealSeams withWrap(KeyWrap w) {
    return new SealSeams(nonces, binder, rotation, w);
  }
}

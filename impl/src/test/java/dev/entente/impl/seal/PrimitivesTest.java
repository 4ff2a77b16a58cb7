package dev.entente.impl.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** X25519 against RFC 7748, the AEAD's tag, PADMÉ's sizes and the seeded entropy. */
class PrimitivesTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void x25519_rfc7748Section61_agreesOnTheSharedSecret() {
    AgreementKeyPair alice =
        AgreementKeyPair.fromSeed(
            hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    AgreementKeyPair bob =
        AgreementKeyPair.fromSeed(
            hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    assertThat(alice.publicKey().raw())
        .isEqualTo(hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    assertThat(bob.publicKey().raw())
        .isEqualTo(hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
    byte[] shared = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    assertThat(alice.agree(bob.publicKey()))
        .hasValueSatisfying(s -> assertThat(s).isEqualTo(shared));
    assertThat(bob.agree(alice.publicKey()))
        .hasValueSatisfying(s -> assertThat(s).isEqualTo(shared));
  }

  @Test
  void x25519_lowOrderPeerKey_agreesOnNothing() {
    AgreementKeyPair alice = AgreementKeyPair.fromSeed(new byte[32]);
    assertThat(alice.agree(AgreementPublicKey.of(new byte[32]))).isEmpty();
  }

  @Test
  void aead_anyChangeOfKeyNonceDataOrBytes_failsTheTag() {
    byte[] key = new byte[32];
    byte[] nonce = new byte[12];
    byte[] ad = {1, 2, 3};
    byte[] sealed =
        Aead.seal(key, nonce, ad, "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(Aead.open(key, nonce, ad, sealed)).isPresent();
    byte[] otherKey = key.clone();
    otherKey[0] = 1;
    byte[] otherNonce = nonce.clone();
    otherNonce[11] = 1;
    byte[] flipped = sealed.clone();
    flipped[2] ^= 1;
    assertThat(Aead.open(otherKey, nonce, ad, sealed)).isEmpty();
    assertThat(Aead.open(key, otherNonce, ad, sealed)).isEmpty();
    assertThat(Aead.open(key, nonce, new byte[] {1, 2, 4}, sealed)).isEmpty();
    assertThat(Aead.open(key, nonce, ad, flipped)).isEmpty();
    assertThat(Aead.open(key, nonce, ad, new byte[15])).isEmpty();
  }

  @Test
  void padme_knownLengths_roundUpToFewSignificantBits() {
    assertThat(Padding.PADME.padded(0)).isZero();
    assertThat(Padding.PADME.padded(9)).isEqualTo(10);
    assertThat(Padding.PADME.padded(100)).isEqualTo(104);
    assertThat(Padding.PADME.padded(1000)).isEqualTo(1024);
    assertThat(Padding.PADME.padded(300)).isEqualTo(304);
    assertThat(Padding.POWER_OF_TWO.padded(300)).isEqualTo(512);
    assertThat(Padding.NONE.padded(300)).isEqualTo(300);
  }

  @Test
  void padme_everyLengthUpTo64k_isMonotoneAndWithin12Percent() {
    int previous = 0;
    for (int n = 1; n <= 65_536; n++) {
      int p = Padding.PADME.padded(n);
      assertThat(p).isGreaterThanOrEqualTo(Math.max(n, previous));
      assertThat((p - n) * 100L).as("PADME(%d) = %d", n, p).isLessThanOrEqualTo(12L * n);
      previous = p;
    }
  }

  @Test
  void padme_distinctSizesUpTo64k_areFew() {
    Set<Integer> sizes = new HashSet<>();
    for (int n = 1; n <= 65_536; n++) {
      sizes.add(Padding.PADME.padded(n));
    }
    // 65,536 lengths collapse to a few hundred buckets: what a relay can tell apart.
    assertThat(sizes.size()).isLessThan(1_000);
  }

  @Test
  void seededEntropy_sameSeedAndLabel_sameBytes_otherLabel_otherBytes() {
    byte[] a = SeededEntropy.of(7, "w1").next(100);
    assertThat(SeededEntropy.of(7, "w1").next(100)).isEqualTo(a);
    assertThat(SeededEntropy.of(7, "w2").next(100)).isNotEqualTo(a);
    assertThat(SeededEntropy.of(8, "w1").next(100)).isNotEqualTo(a);
  }
}

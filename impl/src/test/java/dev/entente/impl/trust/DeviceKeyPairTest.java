package dev.entente.impl.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeviceKeyPairTest {
  private static final byte[] MESSAGE = "hello".getBytes(StandardCharsets.UTF_8);

  @Test
  void fromSeed_sameSeed_sameKeyPair() {
    assertThat(TrustFixture.keys("a").publicKey()).isEqualTo(TrustFixture.keys("a").publicKey());
    assertThat(TrustFixture.keys("a").publicKey()).isNotEqualTo(TrustFixture.keys("b").publicKey());
  }

  @Test
  void sign_verifiesUnderItsPublicKeyOnly() {
    DeviceKeyPair a = TrustFixture.keys("a");
    byte[] signature = a.sign(MESSAGE);
    assertThat(signature).hasSize(64);
    assertThat(Ed25519.verify(a.publicKey(), MESSAGE, signature)).isTrue();
    assertThat(Ed25519.verify(TrustFixture.keys("b").publicKey(), MESSAGE, signature)).isFalse();
    assertThat(Ed25519.verify(a.publicKey(), "hellp".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
  }

  @Test
  void verify_garbageSignature_isFalseNotAnError() {
    DeviceKeyPair a = TrustFixture.keys("a");
    assertThat(Ed25519.verify(a.publicKey(), MESSAGE, new byte[64])).isFalse();
    assertThat(Ed25519.verify(a.publicKey(), MESSAGE, new byte[3])).isFalse();
  }

  @Test
  void toString_neverShowsKeyBytes() {
    DeviceKeyPair a = TrustFixture.keys("a");
    String hex = a.publicKey().toHex();
    assertThat(a.toString()).doesNotContain(hex).contains("ed25519:");
    assertThat(a.publicKey().toString()).doesNotContain(hex).hasSize("ed25519:".length() + 16);
  }

  @Test
  void fromSeed_wrongLength_isRejected() {
    assertThatThrownBy(() -> DeviceKeyPair.fromSeed(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, was 31");
  }

  @Test
  void systemKeySource_givesDistinctWorkingKeys() {
    DeviceKeyPair a = SystemKeySource.newDeviceKeyPair();
    DeviceKeyPair b = SystemKeySource.newDeviceKeyPair();
    assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
    assertThat(Ed25519.verify(a.publicKey(), MESSAGE, a.sign(MESSAGE))).isTrue();
  }

  @Test
  void publicKeyHex_roundTrips() {
    DevicePublicKey k = TrustFixture.keys("a").publicKey();
    assertThat(DevicePublicKey.fromHex(k.toHex())).isEqualTo(k);
    assertThatThrownBy(() -> DevicePublicKey.fromHex("zz"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

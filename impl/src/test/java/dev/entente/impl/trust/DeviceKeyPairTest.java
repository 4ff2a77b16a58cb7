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
  void verify_keyNotOnTheCurve_isFalseNotAnError() {
    byte[] notAPoint = new byte[32];
    java.util.Arrays.fill(notAPoint, (byte) 0xff);
    DevicePublicKey bad = DevicePublicKey.of(notAPoint);
    assertThat(Ed25519.verify(bad, MESSAGE, TrustFixture.keys("a").sign(MESSAGE))).isFalse();
  }

  @Test
  void sign_rfc8032TestVector1_matches() {
    java.util.HexFormat hex = java.util.HexFormat.of();
    DeviceKeyPair k =
        DeviceKeyPair.fromSeed(
            hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assertThat(k.publicKey().toHex())
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(hex.formatHex(k.sign(new byte[0])))
        .isEqualTo(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
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

package dev.entente.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.seal.AgreementPublicKey;
import dev.entente.impl.trust.DevicePublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The shared value behaviour of raw public key types. */
class PublicKeyBytesTest {
  private static byte[] bytes(int fill) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) fill);
    return b;
  }

  @Test
  void equals_sameBytesSameType_isEqualWithEqualHash() {
    assertThat(DevicePublicKey.of(bytes(1))).isEqualTo(DevicePublicKey.of(bytes(1)));
    assertThat(DevicePublicKey.of(bytes(1)).hashCode())
        .isEqualTo(DevicePublicKey.of(bytes(1)).hashCode());
  }

  @Test
  void equals_sameBytesOtherKeyType_isNotEqual() {
    assertThat((Object) AgreementPublicKey.of(bytes(1))).isNotEqualTo(DevicePublicKey.of(bytes(1)));
  }

  @Test
  void compareTo_unsignedBytes_ordersHighByteLast() {
    assertThat(AgreementPublicKey.of(bytes(0x7F)).compareTo(AgreementPublicKey.of(bytes(0x80))))
        .isNegative();
  }

  @Test
  void toString_anyKey_showsSchemeAndFingerprintOnly() {
    String hex = HexFormat.of().formatHex(bytes(0xAB));
    assertThat(AgreementPublicKey.of(bytes(0xAB)).toString())
        .startsWith("x25519:")
        .hasSize("x25519:".length() + 16)
        .doesNotContain(hex.substring(0, 16));
  }

  @Test
  void of_wrongLength_namesTheLengths() {
    assertThatThrownBy(() -> AgreementPublicKey.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an X25519 key has 32 bytes, was 31");
  }

  @Test
  void raw_mutatingTheCopy_leavesTheKeyUnchanged() {
    DevicePublicKey k = DevicePublicKey.of(bytes(2));
    k.raw()[0] = 9;
    assertThat(k.raw()).isEqualTo(bytes(2));
  }
}

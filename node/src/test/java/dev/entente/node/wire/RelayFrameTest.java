package dev.entente.node.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RelayFrameTest {
  @Test
  void encodeDecode_everyType_roundTrips() throws FrameException {
    byte[] payload = "opaque".getBytes(StandardCharsets.UTF_8);
    for (RelayFrame f :
        new RelayFrame[] {
          RelayFrame.hello("n1"),
          new RelayFrame(RelayFrame.Type.SEND, "*", payload),
          new RelayFrame(RelayFrame.Type.SEND, "n-2_x", payload),
          new RelayFrame(RelayFrame.Type.DELIVER, "n3", new byte[0])
        }) {
      assertThat(RelayFrame.decode(f.encode())).isEqualTo(f);
    }
  }

  @Test
  void decode_wrongVersion_namesVersionAtByte0() {
    byte[] body = RelayFrame.hello("n1").encode();
    body[0] = 9;
    assertThatThrownBy(() -> RelayFrame.decode(body))
        .isInstanceOf(FrameException.class)
        .hasMessage("at byte 0 (frame.version): 9 is not 1");
  }

  @Test
  void decode_unknownType_namesType() {
    byte[] body = RelayFrame.hello("n1").encode();
    body[1] = 7;
    assertThatThrownBy(() -> RelayFrame.decode(body))
        .hasMessageStartingWith("at byte 1 (frame.type): 7 is not");
  }

  @Test
  void decode_zeroNameLength_namesTheLengthField() {
    assertThatThrownBy(() -> RelayFrame.decode(new byte[] {1, 2, 0}))
        .hasMessage("at byte 2 (frame.name.length): 0 is not in 1..64");
  }

  @Test
  void decode_badNameByte_namesTheName() {
    assertThatThrownBy(() -> RelayFrame.decode(new byte[] {1, 1, 2, 'n', ' '}))
        .hasMessage("at byte 3 (frame.name): byte 32 is not in [A-Za-z0-9_-]");
  }

  @Test
  void decode_truncatedName_saysHowManyBytesRemain() {
    assertThatThrownBy(() -> RelayFrame.decode(new byte[] {1, 2, 5, 'n'}))
        .hasMessage("at byte 3 (frame.name): needs 5 bytes, 1 remain");
  }

  @Test
  void decode_helloWithPayload_isRejected() {
    assertThatThrownBy(() -> RelayFrame.decode(new byte[] {1, 1, 1, 'n', 0}))
        .hasMessageContaining("a HELLO carries no payload");
  }

  @Test
  void decode_broadcastStarOutsideSend_isRejected() {
    assertThatThrownBy(() -> RelayFrame.decode(new byte[] {1, 3, 1, '*'}))
        .hasMessageContaining("(frame.name): byte 42");
  }
}

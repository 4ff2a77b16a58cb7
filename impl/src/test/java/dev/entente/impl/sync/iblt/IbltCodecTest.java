package dev.entente.impl.sync.iblt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.Tag;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IBLT codec's layout and its typed rejections. */
class IbltCodecTest {
  private static final IbltFrame SYMBOLS =
      new IbltFrame(
          IbltFrame.Kind.SYMBOLS,
          new byte[16],
          0,
          List.of(new Symbol(new byte[32], 7, -1), new Symbol(new byte[32], 9, 300)),
          List.of());

  private static DecodeException rejection(byte[] bytes) {
    try {
      IbltCodec.decode(bytes);
    } catch (DecodeException e) {
      return e;
    }
    throw new AssertionError("accepted " + Arrays.toString(bytes));
  }

  @Test
  void decode_encoded_roundTrips() throws DecodeException {
    IbltFrame done =
        new IbltFrame(IbltFrame.Kind.DONE, new byte[0], 0, List.of(), List.of(Tag.of(new byte[8])));
    for (IbltFrame f : List.of(SYMBOLS, done)) {
      assertThat(IbltCodec.decode(IbltCodec.encode(f))).isEqualTo(f);
    }
  }

  @Test
  void encode_symbol_isFortyOneBytesForASmallCount() {
    // version, kind, flags, salt, firstIndex, count, then 41 + 42 (count 300 zigzags to 2 bytes)
    assertThat(IbltCodec.encode(SYMBOLS)).hasSize(3 + 16 + 2 + 41 + 42);
  }

  @Test
  void decode_unknownKind_rejectedAtByteOne() {
    DecodeException e = rejection(new byte[] {1, 2});
    assertThat(e.field()).isEqualTo("frame.kind");
    assertThat(e.offset()).isEqualTo(1);
  }

  @Test
  void decode_saltedFrameNotAtZero_rejected() {
    byte[] bytes = IbltCodec.encode(SYMBOLS);
    bytes[19] = 5;
    assertThat(rejection(bytes).field()).isEqualTo("frame.firstIndex");
  }

  @Test
  void decode_noSymbols_rejected() {
    assertThat(rejection(new byte[] {1, 0, 0, 3, 0}).field()).isEqualTo("frame.symbols.count");
  }

  @Test
  void decode_truncatedSymbol_rejectedAtTheCountBeforeReadingIt() {
    byte[] bytes = IbltCodec.encode(SYMBOLS);
    DecodeException e = rejection(Arrays.copyOf(bytes, 3 + 16 + 2 + 41 + 35));
    assertThat(e.field()).isEqualTo("frame.symbols.count");
    assertThat(e.offset()).isEqualTo(3 + 16 + 1);
  }

  @Test
  void decode_badCountVarint_rejectedNamingTheSymbol() {
    byte[] bytes = IbltCodec.encode(SYMBOLS);
    bytes[3 + 16 + 2 + 40] = (byte) 0x80; // the first symbol's count: a varint that never ends
    assertThat(rejection(bytes).field()).isEqualTo("frame.symbols[0].count");
  }

  @Test
  void decode_trailingByte_rejected() {
    byte[] ok = IbltCodec.encode(SYMBOLS);
    assertThat(rejection(Arrays.copyOf(ok, ok.length + 1)).offset()).isEqualTo(ok.length);
  }
}

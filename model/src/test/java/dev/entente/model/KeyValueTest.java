package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Validation and ordering of {@link Key} and {@link Value}. */
class KeyValueTest {
  private static final String GRINNING_FACE = "\uD83D\uDE00"; // U+1F600, 4 UTF-8 bytes

  @Test
  void key_empty_isRejected() {
    assertThatThrownBy(() -> Key.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void key_null_isRejected() {
    assertThatThrownBy(() -> Key.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void key_exactly1024Utf8Bytes_isAccepted() {
    assertThat(Key.of("a".repeat(1024)).value()).hasSize(1024);
    assertThat(Key.of("\u00e9".repeat(512)).value()).hasSize(512);
    assertThat(Key.of(GRINNING_FACE.repeat(256)).value()).hasSize(512);
  }

  @Test
  void key_1025Utf8Bytes_isRejectedWithByteCount() {
    assertThatThrownBy(() -> Key.of("a".repeat(1025)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1025");
  }

  @Test
  void key_multiByteCharactersOverLimit_isRejectedByBytesNotChars() {
    // 257 supplementary characters: 514 chars but 1028 UTF-8 bytes.
    assertThatThrownBy(() -> Key.of(GRINNING_FACE.repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1028");
  }

  @Test
  void key_unpairedHighSurrogate_isRejectedWithIndex() {
    assertThatThrownBy(() -> Key.of("ab\uD83D"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate at char 2");
  }

  @Test
  void key_loneLowSurrogate_isRejectedWithIndex() {
    assertThatThrownBy(() -> Key.of("\uDE00x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at char 0");
  }

  @Test
  void key_surrogatesInWrongOrder_isRejected() {
    assertThatThrownBy(() -> Key.of("\uDE00\uD83D")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void key_pairedSurrogates_isAccepted() {
    assertThat(Key.of("k" + GRINNING_FACE)).hasToString("k" + GRINNING_FACE);
  }

  @Test
  void key_compareTo_ordersByCodePointUnlikeStringCompareTo() {
    String bmpLast = "\uFFFF";

    assertThat(bmpLast.compareTo(GRINNING_FACE)).isPositive();
    assertThat(Key.of(bmpLast)).isLessThan(Key.of(GRINNING_FACE));
    assertThat(Value.of(bmpLast)).isLessThan(Value.of(GRINNING_FACE));
  }

  @Test
  void key_compareTo_privateUseAreaBeforeSupplementary() {
    assertThat(Key.of("\uE000")).isLessThan(Key.of(GRINNING_FACE));
    assertThat(Key.of("\uD7FF")).isLessThan(Key.of(GRINNING_FACE));
  }

  @Test
  void key_compareTo_prefixSortsFirst() {
    assertThat(Key.of("event/4")).isLessThan(Key.of("event/42"));
    assertThat(Key.of("b")).isGreaterThan(Key.of("a" + GRINNING_FACE));
    assertThat(Key.of("same").compareTo(Key.of("same"))).isZero();
  }

  @Test
  void value_empty_isAccepted() {
    assertThat(Value.of("").value()).isEmpty();
  }

  @Test
  void value_null_isRejected() {
    assertThatThrownBy(() -> Value.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void value_unpairedSurrogate_isRejected() {
    assertThatThrownBy(() -> Value.of("x\uDBFF"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at char 1");
  }

  @Test
  void value_oneMebibyte_isAcceptedAndOneByteMoreIsRejected() {
    assertThat(Value.of("a".repeat(Value.MAX_UTF8_BYTES)).value()).hasSize(1 << 20);
    assertThatThrownBy(() -> Value.of("a".repeat(Value.MAX_UTF8_BYTES + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf((1 << 20) + 1));
  }
}

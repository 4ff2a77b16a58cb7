package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link TextOrder}: code point order, surrogate checks and UTF-8 length at every boundary. */
class TextOrderTest {
  @Test
  void compare_prefix_sortsFirstAndEqualStringsCompareEqual() {
    assertThat(TextOrder.compare("ab", "abc")).isNegative();
    assertThat(TextOrder.compare("abc", "ab")).isPositive();
    assertThat(TextOrder.compare("abc", "abc")).isZero();
    assertThat(TextOrder.compare("", "")).isZero();
  }

  @Test
  void compare_privateUseBeforeSupplementary_followsCodePointsNotUtf16Units() {
    String privateUse = "\uE000";
    String supplementary = new String(Character.toChars(0x1F600));
    assertThat(privateUse.compareTo(supplementary)).isPositive();
    assertThat(TextOrder.compare(privateUse, supplementary)).isNegative();
    assertThat(TextOrder.compare(supplementary + "a", supplementary + "b")).isNegative();
  }

  @Test
  void firstUnpairedSurrogate_wellFormedOrBroken_findsTheFirstBadIndex() {
    String pair = new String(Character.toChars(0x1F600));
    assertThat(TextOrder.firstUnpairedSurrogate("a" + pair + "b")).isEqualTo(-1);
    assertThat(TextOrder.firstUnpairedSurrogate("ab\uD83D")).isEqualTo(2);
    assertThat(TextOrder.firstUnpairedSurrogate("a\uD83Dx")).isEqualTo(1);
    assertThat(TextOrder.firstUnpairedSurrogate("a\uDE00")).isEqualTo(1);
  }

  @Test
  void utf8Length_eachEncodingWidthBoundary_matchesTheJdkEncoder() {
    int[] codePoints = {0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF};
    for (int cp : codePoints) {
      String s = new String(Character.toChars(cp));
      assertThat(TextOrder.utf8Length(s))
          .as("U+%04X", cp)
          .isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
    assertThat(TextOrder.utf8Length("")).isZero();
  }
}

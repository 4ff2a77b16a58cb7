package dev.entente.histories.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** KvText is a string built by appends: equal exactly when the characters are, however built. */
class KvTextTest {
  @Test
  void appendedText_readsAsTheConcatenation() {
    KvText text = KvText.of("x 1 y").append("").append("x 2 y");

    assertThat(text.toString()).isEqualTo("x 1 yx 2 y");
    assertThat(text.length()).isEqualTo(10);
    assertThat(text.contentEquals("x 1 yx 2 y")).isTrue();
    assertThat(text.contentEquals("x 1 yx 3 y")).isFalse();
    assertThat(text.contentEquals("x 1 y")).isFalse();
  }

  @Test
  void textsBuiltAlongDifferentSplits_areEqualWithEqualHashes() {
    KvText whole = KvText.of("abcdef");
    KvText split = KvText.EMPTY.append("ab").append("c").append("def");
    KvText shared = KvText.of("ab").append("cd");

    assertThat(split).isEqualTo(whole).hasSameHashCodeAs(whole);
    assertThat(shared.append("ef")).isEqualTo(shared.append("e").append("f"));
    assertThat(KvText.of("")).isEqualTo(KvText.EMPTY);
  }

  @Test
  void textsOfEqualLengthDifferingInOneCharacter_areNotEqual() {
    KvText base = KvText.of("x 1 y");

    assertThat(base.append("ab")).isNotEqualTo(base.append("ba"));
    assertThat(KvText.of("ab").append("cd")).isNotEqualTo(KvText.of("a").append("bce"));
    assertThat(KvText.of("ab")).isNotEqualTo(KvText.of("abc"));
  }
}

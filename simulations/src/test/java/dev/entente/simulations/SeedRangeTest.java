package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeedRangeTest {
  @Test
  void parse_rangeOrOneSeed_isInclusive() {
    assertThat(SeedRange.parse("3..7")).isEqualTo(new SeedRange(3, 7));
    assertThat(SeedRange.parse("3..7").size()).isEqualTo(5);
    assertThat(SeedRange.parse("-2..-2")).isEqualTo(SeedRange.of(-2));
    assertThat(SeedRange.parse("9")).isEqualTo(SeedRange.of(9));
  }

  @Test
  void parse_emptyOrMalformed_namesTheText() {
    assertThatThrownBy(() -> SeedRange.parse("9..1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seeds must look like A..B with A <= B, was 9..1");
    assertThatThrownBy(() -> SeedRange.parse("1..x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seeds must look like A..B with A <= B, was 1..x")
        .hasCauseInstanceOf(NumberFormatException.class);
  }
}

package dev.entente.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberFormatsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "37, 37",
    "20.0, 20",
    "1200, 1200",
    "-5, -5",
    "812.5, 812.5",
    "1.85, 1.85",
    "0.12345, 0.123",
    "0.0005, 0.001",
    "0.0004, 0",
    "-0.0004, 0",
    "2.9999, 3",
    "1E+20, 100000000000000000000",
    "12345678901234567890.5, 12345678901234567890.5",
    "1.10, 1.1",
  })
  void format_decimal_integersWithoutDecimalsOthersWithAtMostThree(String input, String expected) {
    assertThat(NumberFormats.format(new BigDecimal(input))).isEqualTo(expected);
  }

  @Test
  void format_null_isAnEmDash() {
    assertThat(NumberFormats.format((BigDecimal) null)).isEqualTo("\u2014");
    assertThat(NumberFormats.format((Double) null)).isEqualTo("\u2014");
  }

  @Test
  void format_double_followsTheSameRules() {
    assertThat(NumberFormats.format(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(NumberFormats.format(3.0)).isEqualTo("3");
    assertThatThrownBy(() -> NumberFormats.format(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void format_defaultLocaleWithCommaDecimals_changesNothing() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(NumberFormats.format(new BigDecimal("1234.5"))).isEqualTo("1234.5");
    } finally {
      Locale.setDefault(saved);
    }
  }
}

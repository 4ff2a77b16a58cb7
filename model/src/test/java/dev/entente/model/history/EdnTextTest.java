package dev.entente.model.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EdnText}: the EDN text of each history value type, as Jepsen's files spell it. */
class EdnTextTest {
  @Test
  void print_scalars_useEdnSpelling() {
    assertThat(EdnText.print(null)).isEqualTo("nil");
    assertThat(EdnText.print(Keyword.of("read"))).isEqualTo(":read");
    assertThat(EdnText.print(true)).isEqualTo("true");
    assertThat(EdnText.print(42L)).isEqualTo("42");
    assertThat(EdnText.print(7)).isEqualTo("7");
    assertThat(EdnText.print(1.5)).isEqualTo("1.5");
    assertThat(EdnText.print(2.5f)).isEqualTo("2.5");
  }

  @Test
  void print_nonFiniteDoubles_useEdnSymbolicValues() {
    assertThat(EdnText.print(Double.NaN)).isEqualTo("##NaN");
    assertThat(EdnText.print(Double.POSITIVE_INFINITY)).isEqualTo("##Inf");
    assertThat(EdnText.print(Double.NEGATIVE_INFINITY)).isEqualTo("##-Inf");
    assertThat(EdnText.print(0.0)).isEqualTo("0.0");
  }

  @Test
  void print_string_escapesQuotesBackslashesAndControlCharacters() {
    assertThat(EdnText.print("a\"b\\c\nd\te\rf")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\rf\"");
    assertThat(EdnText.print("\u0001\u001f ")).isEqualTo("\"\\u0001\\u001f \"");
  }

  @Test
  void print_collections_separateElementsBySpacesAndEntriesByCommas() {
    assertThat(EdnText.print(List.of())).isEqualTo("[]");
    assertThat(EdnText.print(List.of(1L))).isEqualTo("[1]");
    assertThat(EdnText.print(List.of(1L, 2L, 3L))).isEqualTo("[1 2 3]");
    assertThat(EdnText.print(new LinkedHashSet<>(List.of(1L, 2L)))).isEqualTo("#{1 2}");
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(Keyword.of("a"), 1L);
    map.put(Keyword.of("b"), List.of("x"));
    assertThat(EdnText.print(map)).isEqualTo("{:a 1, :b [\"x\"]}");
    assertThat(EdnText.print(Map.of())).isEqualTo("{}");
  }

  @Test
  void print_otherType_isRejectedNamingTheType() {
    assertThatThrownBy(() -> EdnText.print(new StringBuilder("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a history value: x")
        .hasMessageContaining("java.lang.StringBuilder");
  }
}

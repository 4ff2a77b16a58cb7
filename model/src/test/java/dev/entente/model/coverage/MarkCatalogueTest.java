package dev.entente.model.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkCatalogueTest {
  private static final MarkCatalogue CATALOGUE = MarkCatalogue.of(List.of(TestMark.values()));

  /** A mark with any name and description, to feed the catalogue bad declarations. */
  private record Declared(String markName, String description) implements CoverageMark {}

  @Test
  void nameOf_enumConstant_isLowercaseWithHyphens() {
    assertThat(CoverageMark.nameOf(Thread.State.TIMED_WAITING)).isEqualTo("timed-waiting");
  }

  @Test
  void catalogue_listsEveryMark_sortedByName() {
    assertThat(CATALOGUE.names()).containsExactly("alpha", "beta", "gamma");
    assertThat(CATALOGUE.all()).containsExactly(TestMark.ALPHA, TestMark.BETA, TestMark.GAMMA);
  }

  @Test
  void byName_knownName_returnsTheMark() {
    assertThat(CATALOGUE.byName("beta")).isEqualTo(TestMark.BETA);
  }

  @Test
  void byName_unknownName_isRejectedWithTheNameAndTheKnownMarks() {
    assertThatThrownBy(() -> CATALOGUE.byName("alpah"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown coverage mark 'alpah'")
        .hasMessageContaining("alpha");
  }

  @Test
  void of_sameNameInTwoCatalogues_isRejected() {
    List<CoverageMark> other = List.of(new Declared("beta", "a second beta"));

    assertThatThrownBy(() -> MarkCatalogue.of(List.of(TestMark.values()), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'beta' is declared twice");
  }

  @Test
  void of_malformedName_isRejected() {
    List<CoverageMark> bad = List.of(new Declared("Net_Lost", "a message was lost"));

    assertThatThrownBy(() -> MarkCatalogue.of(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Net_Lost' is not lowercase words joined by hyphens");
  }

  @Test
  void of_blankDescription_isRejected() {
    List<CoverageMark> bad = List.of(new Declared("net-lost", " "));

    assertThatThrownBy(() -> MarkCatalogue.of(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'net-lost' has no description");
  }

  @Test
  void unreached_listsMarksWithoutAPositiveCount() {
    assertThat(CATALOGUE.unreached(Map.of("alpha", 3L, "beta", 0L)))
        .containsExactly("beta", "gamma");
  }

  @Test
  void requireKnown_countsOfAnUnknownMark_areRejected() {
    assertThatThrownBy(() -> CATALOGUE.requireKnown(Map.of("alpha", 1L, "delta", 2L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'delta'");
  }
}

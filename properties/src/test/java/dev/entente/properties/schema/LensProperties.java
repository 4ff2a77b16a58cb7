package dev.entente.properties.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.schema.BuiltInSchemas;
import dev.entente.impl.schema.SchemaViews;
import dev.entente.impl.schema.Translator;
import dev.entente.model.Change;
import dev.entente.model.schema.Field;
import dev.entente.model.schema.FieldType;
import dev.entente.model.schema.KeyPattern;
import dev.entente.model.schema.Lens;
import dev.entente.model.schema.LensStep;
import dev.entente.model.schema.Schema;
import dev.entente.model.schema.SchemaChain;
import dev.entente.model.schema.SchemaOracle;
import dev.entente.model.schema.VersionedView;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lens laws (Foster et al.'s get-put and put-get, read at the level of a replicated history):
 * every invertible lens round-trips a history written at either version, and each lossy one has a
 * history it does not; impl's views agree with model's oracle at every version; translating the
 * halves of a history and then merging them equals merging and then translating.
 */
class LensProperties {
  private static final SchemaChain CALENDAR = BuiltInSchemas.calendar();

  /** One two-version chain per lens kind, named by its lens. */
  enum Single {
    RENAME(
        List.of(field("e/{id}/a", FieldType.STRING), field("e/{id}/n", FieldType.MINUTE)),
        List.of(field("e/{id}/b", FieldType.STRING), field("e/{id}/n", FieldType.MINUTE)),
        new Lens.Rename(p("e/{id}/a"), p("e/{id}/b"))),
    SPLIT(
        List.of(field("e/{id}/w", FieldType.STRING)),
        List.of(field("e/{id}/s", FieldType.MINUTE), field("e/{id}/t", FieldType.MINUTE)),
        new Lens.Split(p("e/{id}/w"), p("e/{id}/s"), p("e/{id}/t"), "|")),
    CONVERT_MINUTE_TO_CLOCK(
        List.of(field("e/{id}/n", FieldType.MINUTE)),
        List.of(field("e/{id}/n", FieldType.CLOCK)),
        new Lens.Convert(p("e/{id}/n"), FieldType.MINUTE, FieldType.CLOCK)),
    CONVERT_INT_TO_STRING(
        List.of(field("e/{id}/n", FieldType.INT)),
        List.of(field("e/{id}/n", FieldType.STRING)),
        new Lens.Convert(p("e/{id}/n"), FieldType.INT, FieldType.STRING)),
    ADD(
        List.of(field("e/{id}/a", FieldType.STRING)),
        List.of(field("e/{id}/a", FieldType.STRING), field("e/{id}/c", FieldType.STRING)),
        new Lens.Add(p("e/{id}/c"), FieldType.STRING, "none")),
    REMOVE(
        List.of(field("e/{id}/a", FieldType.STRING), field("e/{id}/c", FieldType.STRING)),
        List.of(field("e/{id}/a", FieldType.STRING)),
        new Lens.Remove(p("e/{id}/c")));

    final SchemaChain chain;
    final Lens lens;

    Single(List<Field> v1, List<Field> v2, Lens lens) {
      this.lens = lens;
      this.chain =
          new SchemaChain(
              List.of(new Schema(1, v1, List.of()), new Schema(2, v2, List.of())),
              List.of(new LensStep(1, !lens.invertible(), List.of(lens))));
    }
  }

  private static Field field(String pattern, FieldType type) {
    return new Field(p(pattern), type);
  }

  private static KeyPattern p(String text) {
    return new KeyPattern(text);
  }

  @Provide
  Arbitrary<List<Change>> calendarHistories() {
    return new SchemaHistories(CALENDAR).histories(1, 4, true);
  }

  @Property(tries = 300)
  void views_atEveryVersion_agreeWithTheOracle(@ForAll("calendarHistories") List<Change> h) {
    SchemaViews views = new SchemaViews(new Translator(CALENDAR));
    for (int v = 1; v <= CALENDAR.latest(); v++) {
      assertThat(views.read(h, v)).as("version %d", v).isEqualTo(SchemaOracle.read(CALENDAR, h, v));
    }
  }

  @Property(tries = 200)
  void translationThenMerge_equalsMergeThenTranslation(
      @ForAll("calendarHistories") List<Change> h) {
    SchemaViews views = new SchemaViews(new Translator(CALENDAR));
    for (int v = 1; v <= CALENDAR.latest(); v++) {
      List<Change> translated = new ArrayList<>();
      for (Change c : h) {
        Change t = SchemaHistories.retag(c, new Translator(CALENDAR).translate(c, v), v);
        if (t != null) {
          translated.add(t);
        }
      }
      // The merge of two logs is their union; each half is translated on its own first.
      List<Change> left = translated.subList(0, translated.size() / 2);
      List<Change> right = translated.subList(translated.size() / 2, translated.size());
      List<Change> merged = new ArrayList<>(right);
      merged.addAll(left);
      assertThat(views.read(merged, v)).as("version %d", v).isEqualTo(views.read(h, v));
    }
  }

  @Property(tries = 100)
  void invertibleLens_getThenPut_givesTheOldViewBack(@ForAll Single single, @ForAll long seed) {
    if (!single.lens.invertible()) {
      return;
    }
    List<Change> h = history(single, 1, seed);
    assertThat(roundTrip(single.chain, h, 1, 2)).isEqualTo(read(single.chain, h, 1));
  }

  @Property(tries = 100)
  void invertibleLens_putThenGet_givesTheNewViewBack(@ForAll Single single, @ForAll long seed) {
    if (!single.lens.invertible()) {
      return;
    }
    List<Change> h = history(single, 2, seed);
    assertThat(roundTrip(single.chain, h, 2, 1)).isEqualTo(read(single.chain, h, 2));
  }

  /**
   * A lens loses a history if the round trip does not give its view back, or if the other version
   * cannot read all of it (some of it is opaque there): values kept as written but unreadable are a
   * loss for that version's users, even though nothing is dropped.
   */
  @Example
  void lossyLenses_eachLoseSomeHistory_andOnlyThey() {
    for (Single s : Single.values()) {
      boolean lost = false;
      for (long seed = 1; seed <= 30 && !lost; seed++) {
        for (int v = 1; v <= 2; v++) {
          List<Change> h = history(s, v, seed);
          List<Change> moved = move(s.chain, h, 3 - v);
          VersionedView there = new SchemaViews(new Translator(s.chain)).read(moved, 3 - v);
          lost |= !read(s.chain, moved, v).equals(read(s.chain, h, v)) || !there.opaque().isEmpty();
        }
      }
      assertThat(lost)
          .as("%s claims invertible=%s", s, s.lens.invertible())
          .isEqualTo(!s.lens.invertible());
    }
  }

  @Example
  void calendarChain_declaresItsLossySteps() {
    assertThat(CALENDAR.stepFrom(1).lossy()).isFalse();
    assertThat(CALENDAR.stepFrom(2).lossy()).isTrue();
    assertThat(CALENDAR.stepFrom(3).lossy()).isTrue();
  }

  private static List<Change> history(Single s, int version, long seed) {
    return new SchemaHistories(s.chain)
        .histories(version, version, false)
        .generator(1000)
        .next(new Random(seed))
        .value();
  }

  private static Object read(SchemaChain chain, List<Change> h, int v) {
    return new SchemaViews(new Translator(chain)).read(h, v);
  }

  /**
   * Translates {@code h} (written at {@code from}) to {@code to}, re-tags, reads at {@code from}.
   */
  private static Object roundTrip(SchemaChain chain, List<Change> h, int from, int to) {
    return read(chain, move(chain, h, to), from);
  }

  /** {@code h} translated to {@code to} and re-tagged there. */
  private static List<Change> move(SchemaChain chain, List<Change> h, int to) {
    List<Change> moved = new ArrayList<>();
    for (Change c : h) {
      Change t = SchemaHistories.retag(c, new Translator(chain).translate(c, to), to);
      if (t != null) {
        moved.add(t);
      }
    }
    return moved;
  }
}

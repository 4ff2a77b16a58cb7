package dev.entente.histories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every writer over generated histories of any value shape: reading the output back gives an equal
 * history, and the bytes depend only on the history's value, never on the order its maps and sets
 * iterate in.
 */
class HistoryWritersProperties {
  @Property
  void edn_writeThenRead_isTheIdentity(@ForAll("histories") History h) throws Exception {
    String text = new EdnHistoryWriter().text(h);
    assertThat(new EdnHistoryReader().read(new StringReader(text), "gen.edn")).isEqualTo(h);
  }

  @Property
  void json_writeThenRead_isTheIdentity(@ForAll("histories") History h) throws Exception {
    String text = new JsonHistoryWriter().text(h);
    assertThat(new JsonHistoryReader().read(new StringReader(text), "gen.json")).isEqualTo(h);
  }

  @Property
  void jsonLines_writeThenRead_isTheIdentity(@ForAll("histories") History h) throws Exception {
    String text = new JsonLinesHistoryWriter().text(h);
    assertThat(new JsonHistoryReader().read(new StringReader(text), "gen.jsonl")).isEqualTo(h);
  }

  @Property
  void everyWriter_reversedIterationOrder_writesTheSameBytes(@ForAll("histories") History h) {
    History reversed = reversed(h);
    assertThat(reversed).isEqualTo(h);
    assertThat(new EdnHistoryWriter().text(reversed)).isEqualTo(new EdnHistoryWriter().text(h));
    assertThat(new JsonHistoryWriter().text(reversed)).isEqualTo(new JsonHistoryWriter().text(h));
    assertThat(new JsonLinesHistoryWriter().text(reversed))
        .isEqualTo(new JsonLinesHistoryWriter().text(h));
  }

  @Provide
  Arbitrary<History> histories() {
    return op().list().ofMaxSize(6).map(HistoryWritersProperties::indexed);
  }

  private static Arbitrary<HistoryOp> op() {
    Arbitrary<Long> process =
        Arbitraries.oneOf(Arbitraries.longs().between(0, 50), Arbitraries.just(HistoryOp.NEMESIS));
    Arbitrary<Long> time =
        Arbitraries.oneOf(Arbitraries.just(-1L), Arbitraries.longs().between(0, Long.MAX_VALUE));
    Arbitrary<Object> error = Arbitraries.oneOf(Arbitraries.just(null), value(2));
    return Combinators.combine(
            Arbitraries.of(OpType.values()), process, keyword(), value(3), time, error)
        .as((type, p, f, v, t, e) -> new HistoryOp(0, type, p, f, v, t, e));
  }

  /** Any history value, nested at most {@code depth} collections deep. */
  private static Arbitrary<Object> value(int depth) {
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            Arbitraries.just(null),
            Arbitraries.longs().map(x -> (Object) x),
            Arbitraries.doubles().between(-1e300, 1e300).map(x -> (Object) x),
            text().map(x -> (Object) x),
            Arbitraries.of(true, false).map(x -> (Object) x),
            keyword().map(x -> (Object) x));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> inner = value(depth - 1);
    Arbitrary<Object> key = Arbitraries.oneOf(scalar, inner);
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalar),
        Tuple.of(1, inner.list().ofMaxSize(4).map(Collections::unmodifiableList)),
        Tuple.of(1, inner.set().ofMaxSize(4).map(HistoryWritersProperties::set)),
        Tuple.of(1, Arbitraries.maps(key, inner).ofMaxSize(4).map(HistoryWritersProperties::map)));
  }

  /** Printable text, control characters and the escapes both formats use ({@code ~}, quotes). */
  private static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '\u024f')
        .withChars('\n', '\t', '\r', '\u0001', '~', '"', '\\', '\u20ac')
        .ofMaxLength(8);
  }

  private static Arbitrary<Keyword> keyword() {
    Arbitrary<String> name =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('-', '?')
            .ofMinLength(1)
            .ofMaxLength(6)
            .filter(s -> Character.isLetter(s.charAt(0)));
    return Arbitraries.oneOf(name, Combinators.combine(name, name).as((ns, n) -> ns + "/" + n))
        .map(Keyword::of);
  }

  private static Object set(Set<Object> elements) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(elements));
  }

  private static Object map(Map<Object, Object> entries) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  private static History indexed(List<HistoryOp> ops) {
    List<HistoryOp> out = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      out.add(ops.get(i).withIndex(3L * i + 1));
    }
    return new History(out);
  }

  /** An equal history whose maps and sets iterate in the reverse of their order in {@code h}. */
  private static History reversed(History h) {
    List<HistoryOp> out = new ArrayList<>();
    for (HistoryOp op : h.ops()) {
      out.add(
          new HistoryOp(
              op.index(),
              op.type(),
              op.process(),
              op.f(),
              reversed(op.value()),
              op.timeNanos(),
              reversed(op.error())));
    }
    return new History(out);
  }

  private static Object reversed(Object value) {
    if (value instanceof Map<?, ?> m) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
      Collections.reverse(entries);
      Map<Object, Object> out = new LinkedHashMap<>();
      entries.forEach(e -> out.put(reversed(e.getKey()), reversed(e.getValue())));
      return out;
    }
    if (value instanceof Set<?> s) {
      List<Object> elements = new ArrayList<>(s);
      Collections.reverse(elements);
      Set<Object> out = new LinkedHashSet<>();
      elements.forEach(x -> out.add(reversed(x)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(reversed(x)));
      return out;
    }
    return value;
  }
}

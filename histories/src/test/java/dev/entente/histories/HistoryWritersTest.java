package dev.entente.histories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one writer per format: each reads back to an equal history, and equal histories write equal
 * bytes whatever order their maps and sets iterate in.
 */
class HistoryWritersTest {
  private static final Keyword REPLICA = Keyword.of("replica");
  private static final Keyword SEQ = Keyword.of("seq");

  @Test
  void edn_writeThenRead_givesAnEqualHistory() throws Exception {
    History h = awkwardHistory();
    String text = new EdnHistoryWriter().text(h);
    assertThat(new EdnHistoryReader().read(new StringReader(text), "h.edn")).isEqualTo(h);
    assertThat(text.lines()).hasSize(h.size());
  }

  @Test
  void jsonLines_writeThenRead_givesAnEqualHistory() throws Exception {
    History h = awkwardHistory();
    String text = new JsonLinesHistoryWriter().text(h);
    assertThat(new JsonHistoryReader().read(new StringReader(text), "h.jsonl")).isEqualTo(h);
    assertThat(text.lines()).hasSize(h.size());
  }

  @Test
  void json_writeThenRead_givesAnEqualHistoryFromOneDocument() throws Exception {
    History h = awkwardHistory();
    String text = new JsonHistoryWriter().text(h);
    assertThat(new JsonHistoryReader().read(new StringReader(text), "h.json")).isEqualTo(h);
    assertThat(text).startsWith("[\n").endsWith("\n]\n");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).size())
        .isEqualTo(h.size());
  }

  @Test
  void json_emptyHistory_isAnEmptyArrayThatReadsBack() throws Exception {
    History empty = new History(List.of());
    String text = new JsonHistoryWriter().text(empty);
    assertThat(text).isEqualTo("[]\n");
    assertThat(new JsonHistoryReader().read(new StringReader(text), "e.json")).isEqualTo(empty);
  }

  @Test
  void everyWriter_filesReadBackThroughFormatDetection(@TempDir Path dir) throws Exception {
    History h = awkwardHistory();
    new EdnHistoryWriter().write(h, dir.resolve("h.edn"));
    new JsonHistoryWriter().write(h, dir.resolve("h.json"));
    new JsonLinesHistoryWriter().write(h, dir.resolve("h.jsonl"));
    assertThat(HistoryFiles.read(dir.resolve("h.edn"))).isEqualTo(h);
    assertThat(HistoryFiles.read(dir.resolve("h.json"))).isEqualTo(h);
    assertThat(HistoryFiles.read(dir.resolve("h.jsonl"))).isEqualTo(h);
  }

  @Test
  void everyWriter_sameValuesInAnotherIterationOrder_writesTheSameBytes() {
    History forward = mapsAndSets(false);
    History backward = mapsAndSets(true);
    assertThat(backward).isEqualTo(forward);
    assertThat(new EdnHistoryWriter().text(backward))
        .isEqualTo(new EdnHistoryWriter().text(forward));
    assertThat(new JsonHistoryWriter().text(backward))
        .isEqualTo(new JsonHistoryWriter().text(forward));
    assertThat(new JsonLinesHistoryWriter().text(backward))
        .isEqualTo(new JsonLinesHistoryWriter().text(forward));
  }

  @Test
  void edn_layout_isJepsensHistoryEdnWithSortedMaps() {
    assertThat(new EdnHistoryWriter().text(mapsAndSets(true)))
        .isEqualTo(
            "{:index 0, :time 2000000, :type :ok, :process 1, :f :write, :value {:replica \"A\","
                + " :seq 2, :tags #{\"a\" \"b\" \"c\"}}}\n"
                + "{:index 1, :type :info, :process :nemesis, :f :start, :value nil, :error"
                + " {:replica \"A\", :seq 2}}\n");
  }

  @Test
  void jsonLines_layout_isElleCliShapeWithSortedMaps() {
    assertThat(new JsonLinesHistoryWriter().text(mapsAndSets(true)))
        .isEqualTo(
            "{\"index\":0,\"time\":2000000,\"type\":\"ok\",\"process\":1,\"f\":\"write\","
                + "\"value\":{\"~:replica\":\"A\",\"~:seq\":2,\"~:tags\":{\"~#set\":[\"a\",\"b\","
                + "\"c\"]}}}\n"
                + "{\"index\":1,\"type\":\"info\",\"process\":\"nemesis\",\"f\":\"start\","
                + "\"value\":null,\"error\":{\"~:replica\":\"A\",\"~:seq\":2}}\n");
  }

  /** One write whose value holds a map and a set, built in forward or backward insertion order. */
  private static History mapsAndSets(boolean backward) {
    List<String> tags = new ArrayList<>(List.of("a", "b", "c"));
    List<Object[]> entries = new ArrayList<>();
    entries.add(new Object[] {REPLICA, "A"});
    entries.add(new Object[] {SEQ, 2L});
    if (backward) {
      java.util.Collections.reverse(tags);
      java.util.Collections.reverse(entries);
    }
    Map<Object, Object> value = new LinkedHashMap<>();
    Map<Object, Object> error = new LinkedHashMap<>();
    for (Object[] e : entries) {
      value.put(e[0], e[1]);
      error.put(e[0], e[1]);
    }
    value.put(Keyword.of("tags"), new LinkedHashSet<>(tags));
    return new History(
        List.of(
            new HistoryOp(0, OpType.OK, 1, Keyword.of("write"), value, 2_000_000, null),
            new HistoryOp(
                1, OpType.INFO, HistoryOp.NEMESIS, Keyword.of("start"), null, -1, error)));
  }

  /** Values JSON cannot say plainly: keywords, strings like keywords, sets, non-string keys. */
  private static History awkwardHistory() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("~tilde", Keyword.of("a/b"));
    map.put(Keyword.of("k"), 1L);
    map.put(7L, null);
    Map<Object, Object> listKeyed = new LinkedHashMap<>();
    listKeyed.put(List.of(1L, 2L), "pair");
    Set<Object> set = new LinkedHashSet<>(List.of(1L, "one", Keyword.of("one")));
    List<Object> value =
        new ArrayList<>(
            Arrays.asList(
                null,
                -3L,
                1.5,
                1e300,
                "quote\" back\\slash\nnew line \u0001",
                "~:not-a-keyword",
                true,
                Keyword.of("read"),
                set,
                map,
                listKeyed,
                List.of()));
    List<HistoryOp> ops = new ArrayList<>();
    ops.add(new HistoryOp(0, OpType.INVOKE, 3, Keyword.of("txn"), value, 5, null));
    ops.add(
        new HistoryOp(2, OpType.FAIL, 3, Keyword.of("txn"), null, -1, List.of(Keyword.of("x"))));
    ops.add(new HistoryOp(9, OpType.INFO, HistoryOp.NEMESIS, Keyword.of("start"), "all", 7, null));
    return new History(ops);
  }
}

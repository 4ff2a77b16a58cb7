package dev.entente.histories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryReadersTest {
  private static History edn(String text) throws HistoryParseException {
    return HistoryFiles.read(text, "test.edn", HistoryFiles.Format.EDN);
  }

  private static History json(String text) throws HistoryParseException {
    return HistoryFiles.read(text, "test.json", HistoryFiles.Format.JSON);
  }

  @Test
  void edn_vectorWithComments_readsInFileOrderWithIndices() throws Exception {
    History h =
        edn(
            "; a comment\n[{:process 0, :type :invoke, :f :read, :value nil}\n"
                + " {:process 0, :type :ok, :f :read, :value 3} ; trailing\n"
                + " {:process :nemesis, :type :info, :f :start}]");
    assertThat(h.ops()).extracting(HistoryOp::index).containsExactly(0L, 1L, 2L);
    assertThat(h.ops().get(1).value()).isEqualTo(3L);
    assertThat(h.ops().get(1).type()).isEqualTo(OpType.OK);
    assertThat(h.ops().get(2).isNemesis()).isTrue();
    assertThat(h.ops().get(0).timeNanos()).isEqualTo(-1);
  }

  @Test
  void edn_bareSequenceOfMaps_keepsFileIndices() throws Exception {
    History h =
        edn(
            "{:index 4, :time 10, :type :invoke, :process 1, :f :add, :value 1}\n"
                + "{:index 7, :time 20, :type :ok, :process 1, :f :add, :value 1, :error :x}\n");
    assertThat(h.ops()).extracting(HistoryOp::index).containsExactly(4L, 7L);
    assertThat(h.ops().get(1).timeNanos()).isEqualTo(20);
    assertThat(h.ops().get(1).error()).isEqualTo(Keyword.of("x"));
  }

  @Test
  void edn_values_convertToHistoryForms() throws Exception {
    History h =
        edn("{:type :ok, :process 1, :f :x, :value [1 2.5 \"s\" true :k nil #{1} {:a [1]}" + "]}");
    List<?> v = (List<?>) h.ops().get(0).value();
    assertThat(v.subList(0, 6)).isEqualTo(Arrays.asList(1L, 2.5, "s", true, Keyword.of("k"), null));
    assertThatThrownBy(() -> edn("{:type :ok, :process 1, :f :x, :value 99999999999999999999N}"))
        .hasMessageContaining("does not fit in 64 bits");
  }

  @Test
  void edn_bigIntThatFits_andSymbols_convert() throws Exception {
    History h = edn("{:type :ok, :process 1, :f :x, :value [5N \\c java.lang.Foo #{1} {:a 1}]}");
    assertThat(h.ops().get(0).value())
        .isEqualTo(List.of(5L, "c", "java.lang.Foo", Set.of(1L), Map.of(Keyword.of("a"), 1L)));
  }

  @Test
  void edn_ratio_isRejectedWithItsLine() {
    assertThatThrownBy(() -> edn("\n\n{:type :ok, :process 1, :f :x, :value 1/3}"))
        .isInstanceOf(HistoryParseException.class)
        .hasMessageStartingWith("test.edn:3")
        .hasMessageContaining("ratios");
  }

  @Test
  void edn_keyField_foldsIntoAnIndependentTuple() throws Exception {
    History h = edn("{:process 2, :type :invoke, :f :get, :key \"k\", :value nil}");
    assertThat(h.ops().get(0).value()).isEqualTo(Arrays.asList("k", null));
  }

  @Test
  void edn_missingF_isATxnWhenTheValueIsAList() throws Exception {
    History h = edn("{:index 0 :process 1 :type :invoke :value [[:r 1 nil]]}");
    assertThat(h.ops().get(0).f()).isEqualTo(Keyword.of("txn"));
  }

  @Test
  void edn_truncated_isAParseErrorWithLineAndReason() {
    assertThatThrownBy(() -> edn("[{:process 0, :type :invoke, :f :read}\n{:process 0, :ty"))
        .isInstanceOf(HistoryParseException.class)
        .hasMessageStartingWith("test.edn:")
        .hasMessageContaining("truncated")
        .hasMessageContaining("starting at line 2")
        .hasMessageContaining("EOF");
  }

  @Test
  void edn_badOp_namesTheOpAndField() {
    assertThatThrownBy(() -> edn("[{:process 0, :type :maybe, :f :read}]"))
        .hasMessageContaining("op #1")
        .hasMessageContaining("unknown :type :maybe");
    assertThatThrownBy(() -> edn("[{:process 0, :type :ok}]")).hasMessageContaining(":f");
    assertThatThrownBy(() -> edn("[1 2]")).hasMessageContaining("expected an op map");
    assertThatThrownBy(
            () ->
                edn(
                    "{:index 2, :process 0, :type :ok, :f :r}\n"
                        + "{:index 1, :process 0, :type :ok, :f :r}"))
        .hasMessageContaining("indices must increase");
    assertThatThrownBy(
            () ->
                edn(
                    "{:index 2, :process 0, :type :ok, :f :r}\n"
                        + "{:process 0, :type :ok, :f :r}"))
        .hasMessageContaining("all or none");
  }

  @Test
  void json_arrayAndLines_readAlike() throws Exception {
    String lines =
        "{\"type\":\"invoke\",\"f\":\"cas\",\"value\":[1,2],\"process\":0}\n"
            + "{\"type\":\"fail\",\"f\":\"cas\",\"value\":[1,2],\"process\":0,\"error\":\"x\"}\n"
            + "{\"type\":\"info\",\"f\":\"start\",\"process\":\"nemesis\"}\n";
    String array = "[" + String.join(",", lines.strip().split("\n")) + "]";
    assertThat(json(lines)).isEqualTo(json(array));
    History h = json(lines);
    assertThat(h.ops().get(0).value()).isEqualTo(List.of(1L, 2L));
    assertThat(h.ops().get(1).error()).isEqualTo("x");
    assertThat(h.ops().get(2).isNemesis()).isTrue();
  }

  @Test
  void json_truncated_isAParseErrorWithLine() {
    assertThatThrownBy(
            () -> json("[{\"type\":\"invoke\",\"f\":\"read\",\"process\":0},\n{\"type\""))
        .isInstanceOf(HistoryParseException.class)
        .hasMessageStartingWith("test.json:2:")
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> json("[{\"type\":\"invoke\",\"f\":\"read\",\"process\":0}"))
        .isInstanceOf(HistoryParseException.class);
  }

  @Test
  void jepsenLog_readsTabsAndSpaces_andSkipsOtherLines() throws Exception {
    String log =
        "INFO  jepsen.util - 2\t:invoke\t:write\t1\n"
            + "some other log line\n"
            + "INFO  jepsen.util - 1   :invoke :cas    [0 1]\n"
            + "INFO  jepsen.util - 2\t:info\t:write\t:timed-out\n"
            + "INFO  jepsen.util - 1   :fail   :cas    [0 1]\n"
            + "INFO  jepsen.util - :nemesis\t:info\t:start\tnil\n";
    History h = HistoryFiles.read(log, "etcd.log", HistoryFiles.Format.JEPSEN_LOG);
    assertThat(h.size()).isEqualTo(5);
    assertThat(h.ops().get(1).value()).isEqualTo(List.of(0L, 1L));
    assertThat(h.ops().get(2).value()).isEqualTo(Keyword.of("timed-out"));
    assertThat(h.ops().get(3).type()).isEqualTo(OpType.FAIL);
    assertThat(h.ops().get(4).isNemesis()).isTrue();
  }

  @Test
  void jepsenLog_badLine_namesIt() {
    assertThatThrownBy(
            () ->
                HistoryFiles.read(
                    "\nINFO  jepsen.util - 2 :invoke\n", "x.log", HistoryFiles.Format.JEPSEN_LOG))
        .hasMessageStartingWith("x.log:2");
  }

  @Test
  void formats_detectedByExtensionThenContent() {
    assertThat(HistoryFiles.detect("a.edn", "")).isEqualTo(HistoryFiles.Format.EDN);
    assertThat(HistoryFiles.detect("a.jsonl", "")).isEqualTo(HistoryFiles.Format.JSON);
    assertThat(HistoryFiles.detect("a.log", "")).isEqualTo(HistoryFiles.Format.JEPSEN_LOG);
    assertThat(HistoryFiles.detect("c01-ok.txt", "{:process 0, :type :invoke}"))
        .isEqualTo(HistoryFiles.Format.EDN);
    assertThat(HistoryFiles.detect("h.txt", "[{\"type\":\"ok\"}]"))
        .isEqualTo(HistoryFiles.Format.JSON);
    assertThat(HistoryFiles.detect("h", "\nINFO  jepsen.util - 1 :ok :read 1"))
        .isEqualTo(HistoryFiles.Format.JEPSEN_LOG);
  }

  @Test
  void writers_roundTrip() throws Exception {
    History h = awkwardHistory();
    StringWriter ednText = new StringWriter();
    new EdnHistoryWriter().write(h, ednText);
    assertThat(edn(ednText.toString())).isEqualTo(h);
    StringWriter jsonText = new StringWriter();
    new JsonLinesHistoryWriter().write(h, jsonText);
    assertThat(json(jsonText.toString())).isEqualTo(h);
    assertThat(jsonText.toString().lines()).hasSize(h.size());
  }

  @Test
  void readers_roundTripThroughFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    History h = awkwardHistory();
    new EdnHistoryWriter().write(h, dir.resolve("h.edn"));
    new JsonLinesHistoryWriter().write(h, dir.resolve("h.jsonl"));
    assertThat(HistoryFiles.read(dir.resolve("h.edn"))).isEqualTo(h);
    assertThat(HistoryFiles.read(dir.resolve("h.jsonl"))).isEqualTo(h);
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

package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entente.histories.interchange.ChangeJson;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Replaying any shuffled, duplicated serialisation of a causally consistent history through the
 * command line prints exactly the oracle's map, in the oracle's key order.
 */
class ReplayCommandProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KeyGroups GROUPS = KeyGroups.byParentPath();

  @Provide
  Arbitrary<CausalHistory> histories() {
    return CausalHistory.histories();
  }

  @Property(tries = 1000)
  void replay_lww_printsTheOracleMap(
      @ForAll("histories") CausalHistory history, @ForAll Random random) throws Exception {
    checkReplay(RegisterPolicy.LWW, history, random);
  }

  @Property(tries = 1000)
  void replay_mv_printsTheOracleMap(
      @ForAll("histories") CausalHistory history, @ForAll Random random) throws Exception {
    checkReplay(RegisterPolicy.MV, history, random);

    // Test the generator: a property that never sees a conflict or a long history proves little.
    MaterialisedMap expected = Oracle.materialise(RegisterPolicy.MV, history.changes(), GROUPS);
    boolean siblings = expected.entries().values().stream().anyMatch(vs -> vs.size() > 1);
    Statistics.label("mv siblings").collect(siblings);
    Statistics.label("mv siblings").coverage(c -> c.check(true).percentage(p -> p >= 10));
    Statistics.label("10+ changes").collect(history.changes().size() >= 10);
    Statistics.label("10+ changes").coverage(c -> c.check(true).percentage(p -> p >= 20));
  }

  @Property(tries = 1000)
  void replay_group_printsTheOracleMap(
      @ForAll("histories") CausalHistory history, @ForAll Random random) throws Exception {
    checkReplay(RegisterPolicy.CAUSAL_GROUP, history, random);
  }

  private static void checkReplay(RegisterPolicy policy, CausalHistory history, Random random)
      throws Exception {
    Cli r =
        Cli.run(
            scrambledLines(history.changes(), random), "replay", "--policy", PolicyName.of(policy));

    MaterialisedMap expected = Oracle.materialise(policy, history.changes(), GROUPS);
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
    assertThat(r.out()).endsWith("\n");
    assertThat(parse(r.out(), policy)).containsExactlyEntriesOf(asStrings(expected));
  }

  /** The changes as JSON lines, shuffled, about a third repeated, with a few blank lines. */
  private static String scrambledLines(List<Change> changes, Random random) {
    List<String> lines = new ArrayList<>();
    for (Change c : changes) {
      String line = ChangeJson.write(c);
      lines.add(line);
      if (random.nextInt(3) == 0) {
        lines.add(line);
      }
      if (random.nextInt(10) == 0) {
        lines.add("");
      }
    }
    Collections.shuffle(lines, random);
    return String.join("\n", lines) + "\n";
  }

  /** The printed map, key order kept; single values become one-element lists. */
  private static Map<String, List<String>> parse(String out, RegisterPolicy policy)
      throws Exception {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : JSON.readTree(out).properties()) {
      List<String> values = new ArrayList<>();
      if (policy == RegisterPolicy.MV) {
        assertThat(e.getValue().isArray()).as("mv value of %s is an array", e.getKey()).isTrue();
        e.getValue().forEach(v -> values.add(v.textValue()));
      } else {
        assertThat(e.getValue().isTextual()).as("value of %s is a string", e.getKey()).isTrue();
        values.add(e.getValue().textValue());
      }
      map.put(e.getKey(), values);
    }
    return map;
  }

  private static Map<String, List<String>> asStrings(MaterialisedMap map) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<Key, List<Value>> e : map.entries().entrySet()) {
      out.put(e.getKey().value(), e.getValue().stream().map(Value::value).toList());
    }
    return out;
  }
}

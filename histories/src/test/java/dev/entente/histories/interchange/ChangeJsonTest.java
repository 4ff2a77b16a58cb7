package dev.entente.histories.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeJsonTest {
  private static final String TIME = "\"time\":{\"wall\":1700000000000,\"logical\":0}";
  private static final String OPS = "\"ops\":[{\"op\":\"put\",\"key\":\"k\",\"value\":\"v\"}]";

  /** A valid line with field {@code name} replaced by {@code fragment}, or removed if null. */
  private static String lineWith(String name, String fragment) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("replica", "\"replica\":\"A\"");
    fields.put("seq", "\"seq\":2");
    fields.put("time", TIME);
    fields.put("seen", "\"seen\":{\"A\":1,\"B\":3}");
    fields.put("ops", OPS);
    if (fragment == null) {
      fields.remove(name);
    } else {
      fields.put(name, fragment);
    }
    return "{" + String.join(",", fields.values()) + "}";
  }

  private static String reason(String line) {
    try {
      ChangeJson.parse(line);
    } catch (ChangeJsonException e) {
      return e.reason();
    }
    throw new AssertionError("parsed: " + line);
  }

  @Test
  void parse_exampleFromTheFormat_buildsTheChange() throws Exception {
    Change c =
        ChangeJson.parse(
            "{\"replica\":\"A\",\"seq\":2,\"time\":{\"wall\":1700000000000,\"logical\":0},"
                + "\"seen\":{\"A\":1,\"B\":3},\"ops\":[{\"op\":\"put\",\"key\":\"k\","
                + "\"value\":\"v\"},{\"op\":\"delete\",\"key\":\"x\"}]}");

    assertThat(c)
        .isEqualTo(
            new Change(
                ReplicaId.of("A"),
                2,
                new HlcTimestamp(1_700_000_000_000L, 0),
                VersionVector.of(Map.of(ReplicaId.of("A"), 1L, ReplicaId.of("B"), 3L)),
                List.of(Op.put("k", "v"), Op.delete("x"))));
  }

  @Test
  void parse_authorEntryOmittedFromSeen_isImplied() throws Exception {
    Change c = ChangeJson.parse(lineWith("seen", "\"seen\":{\"B\":3}"));

    assertThat(c.seen().get(ReplicaId.of("A"))).isEqualTo(1);
  }

  @Test
  void parse_fieldsInAnyOrderAndSurroundingWhitespace_areAccepted() throws Exception {
    Change c =
        ChangeJson.parse(
            "  {" + OPS + ", \"seen\":{}, " + TIME + ", \"seq\":1, \"replica\":\"Z\"}\t");

    assertThat(c.dot().toString()).isEqualTo("Z:1");
  }

  @Test
  void write_thenParse_roundTrips() throws Exception {
    Change c =
        new Change(
            ReplicaId.of("r-1"),
            7,
            new HlcTimestamp(5, 65_535),
            VersionVector.of(Map.of(ReplicaId.of("q"), 4L)),
            List.of(Op.put("a/\"b\"", "ünï\n😀"), Op.delete("a/\"b\""), Op.put("e", "")));

    assertThat(ChangeJson.parse(ChangeJson.write(c))).isEqualTo(c);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "seq negative | seq | `\"seq\":-1` | `\"seq\" must be a positive integer, was -1`",
        "seq zero | seq | `\"seq\":0` | `\"seq\" must be a positive integer, was 0`",
        "seq float | seq | `\"seq\":2.0` | `\"seq\" must be a positive integer, was 2.0`",
        "seq exponent | seq | `\"seq\":2e0` | `\"seq\" must be a positive integer, was 2.0`",
        "seq string | seq | `\"seq\":\"2\"` | `\"seq\" must be a positive integer, was \"2\"`",
        "seq null | seq | `\"seq\":null` | `\"seq\" must be a positive integer, was null`",
        "seq beyond long | seq | `\"seq\":9223372036854775808`"
            + " | `\"seq\" must be a positive integer, was 9223372036854775808`",
        "seq missing | seq | | `missing field \"seq\"`",
        "replica number | replica | `\"replica\":3` | `\"replica\" must be a string, was 3`",
        "replica bad chars | replica | `\"replica\":\"a b\"`"
            + " | `\"replica\": replica id must match [A-Za-z0-9_-]{1,64}, was \"a b\"`",
        "replica missing | replica | | `missing field \"replica\"`",
        "time not object | time | `\"time\":5` | `\"time\" must be an object, was 5`",
        "time wall negative | time | `\"time\":{\"wall\":-1,\"logical\":0}`"
            + " | `\"time.wall\" must be a non-negative integer, was -1`",
        "time logical too big | time | `\"time\":{\"wall\":1,\"logical\":65536}`"
            + " | `\"time.logical\" must be an integer in [0, 65535], was 65536`",
        "time logical missing | time | `\"time\":{\"wall\":1}` | `missing field \"time.logical\"`",
        "time unknown field | time | `\"time\":{\"wall\":1,\"logical\":0,\"tz\":1}`"
            + " | `unknown field \"time.tz\"`",
        "seen not object | seen | `\"seen\":[]` | `\"seen\" must be an object, was []`",
        "seen negative | seen | `\"seen\":{\"B\":-3}`"
            + " | `\"seen.B\" must be a non-negative integer, was -3`",
        "seen bad replica | seen | `\"seen\":{\"\":1}`"
            + " | `\"seen.\": replica id must match [A-Za-z0-9_-]{1,64}, was \"\"`",
        "seen own future | seen | `\"seen\":{\"A\":2}`"
            + " | `\"seen.A\" must be less than \"seq\" (2), was 2`",
        "seen missing | seen | | `missing field \"seen\"`",
        "ops empty | ops | `\"ops\":[]` | `\"ops\" must be a non-empty array, was []`",
        "ops object | ops | `\"ops\":{}` | `\"ops\" must be a non-empty array, was {}`",
        "op not object | ops | `\"ops\":[{\"op\":\"delete\",\"key\":\"k\"},7]`"
            + " | `\"ops[1]\" must be an object, was 7`",
        "op kind unknown | ops | `\"ops\":[{\"op\":\"delete\",\"key\":\"k\"},{\"op\":\"get\"}]`"
            + " | `\"ops[1].op\" must be \"put\" or \"delete\", was \"get\"`",
        "op kind missing | ops | `\"ops\":[{\"key\":\"k\"}]` | `missing field \"ops[0].op\"`",
        "put value missing | ops | `\"ops\":[{\"op\":\"put\",\"key\":\"k\"}]`"
            + " | `missing field \"ops[0].value\"`",
        "put value number | ops | `\"ops\":[{\"op\":\"put\",\"key\":\"k\",\"value\":1}]`"
            + " | `\"ops[0].value\" must be a string, was 1`",
        "delete with value | ops | `\"ops\":[{\"op\":\"delete\",\"key\":\"k\",\"value\":\"v\"}]`"
            + " | `unknown field \"ops[0].value\"`",
        "key empty | ops | `\"ops\":[{\"op\":\"delete\",\"key\":\"\"}]`"
            + " | `\"ops[0].key\": key must not be empty`",
        "value lone surrogate | ops |"
            + " `\"ops\":[{\"op\":\"put\",\"key\":\"k\",\"value\":\"\\ud800\"}]` |"
            + " `\"ops[0].value\": value has an unpaired surrogate at char 0`",
      })
  void parse_invalidField_givesPreciseReason(
      String name, String field, String fragment, String expected) {
    assertThat(reason(lineWith(field, fragment))).isEqualTo(expected);
  }

  @Test
  void parse_unknownTopLevelField_isNamed() {
    assertThat(reason(lineWith("ops", OPS + ",\"foo\":1"))).isEqualTo("unknown field \"foo\"");
  }

  @Test
  void parse_duplicateField_isRefused() {
    assertThat(reason(lineWith("seq", "\"seq\":2,\"seq\":2"))).isEqualTo("duplicate field \"seq\"");
  }

  @Test
  void parse_trailingValue_isRefused() {
    assertThat(reason(lineWith("seq", "\"seq\":2") + " {}"))
        .startsWith("trailing content after the JSON value at column ");
  }

  @Test
  void parse_notAnObject_isRefused() {
    assertThat(reason("[1,2]")).isEqualTo("line must be a JSON object, was [1,2]");
  }

  @Test
  void parse_truncatedJson_isMalformed() {
    assertThat(reason("{\"replica\":\"A\",")).startsWith("malformed JSON at column ");
  }

  @Test
  void parse_nanOrLeadingZero_isMalformed() {
    assertThat(reason(lineWith("seq", "\"seq\":NaN"))).startsWith("malformed JSON");
    assertThat(reason(lineWith("seq", "\"seq\":02"))).startsWith("malformed JSON");
  }

  @Test
  void parse_hugeValue_isQuotedShort() {
    String huge = "x".repeat(500);

    assertThat(reason(lineWith("seq", "\"seq\":\"" + huge + "\"")))
        .hasSizeLessThan(120)
        .endsWith("...");
  }

  @Test
  void parse_failure_isTypedWithReasonAsMessage() {
    assertThatThrownBy(() -> ChangeJson.parse("{}"))
        .isInstanceOf(ChangeJsonException.class)
        .hasMessage("missing field \"replica\"");
  }
}

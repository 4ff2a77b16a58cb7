package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
  /** A change line; {@code seen} and {@code ops} are JSON fragments. */
  private static String change(String replica, long seq, long wall, String seen, String ops) {
    return "{\"replica\":\""
        + replica
        + "\",\"seq\":"
        + seq
        + ",\"time\":{\"wall\":"
        + wall
        + ",\"logical\":0},\"seen\":"
        + seen
        + ",\"ops\":["
        + ops
        + "]}";
  }

  private static String put(String key, String value) {
    return "{\"op\":\"put\",\"key\":\"" + key + "\",\"value\":\"" + value + "\"}";
  }

  private static String delete(String key) {
    return "{\"op\":\"delete\",\"key\":\"" + key + "\"}";
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private static final String A1 = change("A", 1, 10, "{}", put("k", "a1") + "," + put("x", "1"));
  private static final String B1 = change("B", 1, 20, "{}", put("k", "b1"));
  private static final String A2 =
      change("A", 2, 30, "{\"B\":1}", put("k", "a2") + "," + delete("x"));

  @Test
  void replay_lww_printsLastWriterPerKey() {
    Cli r = Cli.run(lines(A1, B1, A2), "replay", "--policy", "lww");

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\"k\":\"a2\"}\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void replay_mv_printsSiblingArraysEvenForOneValue() {
    String b2 = change("B", 2, 5, "{}", put("k", "b2") + "," + put("y", "only"));

    Cli r = Cli.run(lines(A1, B1, A2, b2), "replay", "--policy", "mv");

    assertThat(r.out()).isEqualTo("{\"k\":[\"a2\",\"b2\"],\"y\":[\"only\"]}\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void replay_group_resolvesGroupsAsAUnit() {
    String base = change("A", 1, 10, "{}", put("e/start", "10") + "," + put("e/end", "12"));
    String move = change("A", 2, 20, "{}", put("e/start", "14") + "," + put("e/end", "16"));
    String shorten = change("B", 1, 30, "{\"A\":1}", put("e/end", "11"));

    Cli group = Cli.run(lines(base, move, shorten), "replay", "--policy", "group");
    Cli lww = Cli.run(lines(base, move, shorten), "replay", "--policy", "lww");

    assertThat(group.out()).isEqualTo("{\"e/end\":\"11\",\"e/start\":\"10\"}\n");
    assertThat(lww.out()).isEqualTo("{\"e/end\":\"11\",\"e/start\":\"14\"}\n");
  }

  @Test
  void replay_emptyInput_printsEmptyObject() {
    Cli r = Cli.run("", "replay", "--policy", "mv");

    assertThat(r.out()).isEqualTo("{}\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void replay_blankLinesCrlfAndNoFinalNewline_areHandled() {
    String input = "\n  \t\r\n" + A1 + "\r\n\n" + B1;

    Cli r = Cli.run(input, "replay", "--policy", "lww");

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\"k\":\"b1\",\"x\":\"1\"}\n");
  }

  @Test
  void replay_duplicateLines_areNotErrors() {
    Cli r = Cli.run(lines(A2, A1, B1, A1, A2, A2), "replay", "--policy", "mv");

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\"k\":[\"a2\"]}\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void replay_keysInCodePointOrder() {
    // UTF-16 order would put U+1F600 (a surrogate pair) before U+E000.
    String c =
        change("A", 1, 1, "{}", put("\uE000", "p") + "," + put("😀", "e") + "," + put("z", "z"));

    Cli r = Cli.run(lines(c), "replay", "--policy", "lww");

    assertThat(r.out()).isEqualTo("{\"z\":\"z\",\"\uE000\":\"p\",\"😀\":\"e\"}\n");
  }

  @Test
  void replay_everyKindOfBadLine_isReportedWithItsNumberAndTheRestApplied() {
    String input =
        lines(
            A1, // 1
            change("A", -1, 1, "{}", put("k", "bad")), // 2 seq
            "{\"replica\":\"A\",", // 3 malformed
            "", // 4 blank
            change("A B", 3, 1, "{}", put("k", "bad")), // 5 replica id
            change("C", 1, 1, "{}", put("k", "bad")).replace("}]}", "}],\"foo\":1}"), // 6
            change("A", 1, 99, "{}", put("k", "forged")), // 7 same dot
            change("C", 1, 1, "{}", "{\"op\":\"get\",\"key\":\"k\"}"), // 8 op kind
            change("C", 1, 1, "{}", put("k", "bad")).replace("\"seq\":1", "\"seq\":1.5"), // 9
            change("C", 1, 1, "{}", put("k", "c")) + " []", // 10 trailing
            change("C", 1, 1, "{}", put("k", "c")).replace(",\"seen\":{}", ""), // 11 missing
            change("C", 1, 1, "{}", put("k", "c")).replace("\"seq\":1", "\"seq\":1,\"seq\":1"),
            B1); // 13

    Cli r = Cli.run(input, "replay", "--policy", "lww");

    assertThat(r.errLines())
        .containsExactly(
            "line 2: \"seq\" must be a positive integer, was -1",
            "line 3: malformed JSON at column 16: Unexpected end-of-input within/between Object"
                + " entries",
            "line 5: \"replica\": replica id must match [A-Za-z0-9_-]{1,64}, was \"A B\"",
            "line 6: unknown field \"foo\"",
            "line 7: change A:1 rejected: a different change with dot A:1 is known",
            "line 8: \"ops[0].op\" must be \"put\" or \"delete\", was \"get\"",
            "line 9: \"seq\" must be a positive integer, was 1.5",
            "line 10: trailing content after the JSON value at column 108",
            "line 11: missing field \"seen\"",
            "line 12: duplicate field \"seq\"");
    assertThat(r.out()).isEqualTo("{\"k\":\"b1\",\"x\":\"1\"}\n");
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void replay_invalidUtf8Line_isReportedAndSkipped() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes((A1 + "\n").getBytes(StandardCharsets.UTF_8));
    in.writeBytes(new byte[] {'{', '"', (byte) 0xC3, '"', '}', '\n'});
    in.writeBytes((B1 + "\n").getBytes(StandardCharsets.UTF_8));

    Cli r = Cli.run(in.toByteArray(), "replay", "--policy", "lww");

    assertThat(r.errLines()).containsExactly("line 2: not valid UTF-8 at byte 3");
    assertThat(r.out()).isEqualTo("{\"k\":\"b1\",\"x\":\"1\"}\n");
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void replay_mvChangeWithMissingPredecessors_isReportedAtTheEnd() {
    String a3 = change("A", 3, 40, "{\"B\":4}", put("late", "1"));
    String c1 = change("C", 1, 50, "{\"A\":3}", put("later", "1"));

    Cli r = Cli.run(lines(A1, a3, B1, c1), "replay", "--policy", "mv");

    assertThat(r.errLines())
        .containsExactly(
            "line 2: change A:3 never became deliverable: missing A:2, B:2..4",
            "line 4: change C:1 never became deliverable: missing A:2..3");
    assertThat(r.out()).isEqualTo("{\"k\":[\"a1\",\"b1\"],\"x\":[\"1\"]}\n");
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void replay_mvOutOfOrderInput_isBufferedThenDelivered() {
    Cli r = Cli.run(lines(A2, B1, A1), "replay", "--policy", "mv");

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\"k\":[\"a2\"]}\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void replay_lwwDoesNotWaitForPredecessors() {
    String a3 = change("A", 3, 40, "{\"B\":4}", put("late", "1"));

    Cli r = Cli.run(lines(a3), "replay", "--policy", "lww");

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\"late\":\"1\"}\n");
  }

  @Test
  void replay_fileArgument_isRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.jsonl");
    Files.writeString(file, lines(A1, B1));

    Cli r = Cli.run("ignored", "replay", "--policy", "lww", file.toString());

    assertThat(r.out()).isEqualTo("{\"k\":\"b1\",\"x\":\"1\"}\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void replay_dashMeansStdin() {
    Cli r = Cli.run(lines(A1), "replay", "--policy", "lww", "-");

    assertThat(r.out()).isEqualTo("{\"k\":\"a1\",\"x\":\"1\"}\n");
  }

  @Test
  void replay_missingFile_exitsWithUsageStatus(@TempDir Path dir) {
    Cli r = Cli.run("", "replay", "--policy", "lww", dir.resolve("nope").toString());

    assertThat(r.err()).contains("cannot read").contains("no such file");
    assertThat(r.out()).isEmpty();
    assertThat(r.status()).isEqualTo(2);
  }

  @Test
  void replay_withoutPolicy_isUsageError() {
    Cli r = Cli.run("", "replay");

    assertThat(r.err()).contains("Missing required option: '--policy=POLICY'");
    assertThat(r.status()).isEqualTo(2);
  }

  @Test
  void replay_unknownPolicy_isUsageError() {
    Cli r = Cli.run("", "replay", "--policy", "crdt");

    assertThat(r.err()).contains("'crdt' is not a policy; expected one of lww, mv, group");
    assertThat(r.status()).isEqualTo(2);
  }

  @Test
  void entente_withoutSubcommand_showsUsage() {
    Cli r = Cli.run("", new String[0]);

    assertThat(r.err()).contains("Usage: entente").contains("replay").contains("run");
    assertThat(r.status()).isEqualTo(2);
  }
}

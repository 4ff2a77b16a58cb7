package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code entente replay --snapshot-out S} then {@code --snapshot-in S}: issue 10's contract. */
class ReplaySnapshotCommandTest {
  private static final String A1 = line("A", 1, 10, "{}", put("doc/k", "a1") + "," + put("x", "1"));
  private static final String B1 = line("B", 1, 20, "{}", put("doc/k", "b1"));
  private static final String A2 =
      line("A", 2, 30, "{\"B\":1}", put("doc/k", "a2") + "," + delete("x"));
  private static final String B2 = line("B", 2, 25, "{}", put("doc/j", "b2") + "," + delete("x"));
  private static final String C1 = line("C", 1, 5, "{\"A\":1}", put("doc/j", "c1"));

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"lww", "mv", "group"})
  void snapshotIn_thenSecondInput_printsWhatAFullReplayOfBothPrints(String policy)
      throws IOException {
    Path s = dir.resolve("state.snap");
    String first = A1 + "\n" + C1 + "\n" + B1 + "\n";
    String second = A2 + "\n" + B2 + "\n";

    Cli out = Cli.run(first, "replay", "--policy", policy, "--snapshot-out", s.toString());
    Cli in = Cli.run(second, "replay", "--policy", policy, "--snapshot-in", s.toString());
    Cli full = Cli.run(first + second, "replay", "--policy", policy);

    assertThat(out.status()).isZero();
    assertThat(Files.size(s)).isPositive();
    assertThat(in.err()).isEmpty();
    assertThat(in.status()).isZero();
    assertThat(in.out()).isEqualTo(full.out());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 17, -5})
  void snapshotIn_damaged_isRefusedWithOffsetAndFieldOnStderr(int at) throws IOException {
    Path s = dir.resolve("state.snap");
    Cli.run(A1 + "\n" + B1 + "\n", "replay", "--policy", "lww", "--snapshot-out", s.toString());
    byte[] bytes = Files.readAllBytes(s);
    bytes[Math.floorMod(at, bytes.length)] ^= 0x10;
    Files.write(s, bytes);

    Cli r = Cli.run(A2 + "\n", "replay", "--policy", "lww", "--snapshot-in", s.toString());

    assertThat(r.status()).isNotZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("damaged snapshot refused at byte ").contains("(snapshot.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mv"})
  void snapshotIn_ofAnotherPolicy_isRefused(String policy) {
    Path s = dir.resolve("state.snap");
    Cli.run(A1 + "\n", "replay", "--policy", "lww", "--snapshot-out", s.toString());

    Cli r = Cli.run("", "replay", "--policy", policy, "--snapshot-in", s.toString());

    assertThat(r.status()).isNotZero();
    assertThat(r.err()).contains("holds a LWW snapshot, not MV");
  }

  private static String line(String replica, long seq, long wall, String seen, String ops) {
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
}

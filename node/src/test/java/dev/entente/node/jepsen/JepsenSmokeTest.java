package dev.entente.node.jepsen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.histories.EdnHistoryReader;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.node.replica.NodeMutant;
import dev.entente.node.replica.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke of {@code entente jepsen}: a relay and 3 node JVMs, 12 s of clients under kill and
 * partition faults, judged VALID, with the whole run directory written. About 25 s of wall time.
 */
class JepsenSmokeTest {
  @TempDir Path dir;

  @Test
  void threeNodes_killAndPartition_areValid_andTheRunDirectoryIsComplete() throws Exception {
    JepsenOptions o =
        new JepsenOptions(
            3,
            12,
            Set.of(Fault.KILL, Fault.PARTITION),
            Protocol.DELTA,
            dir,
            7,
            30,
            List.of(),
            NodeMutant.NONE);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JepsenRun.Result r;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      r = JepsenRun.main(o, out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    List<String> lines = printed.lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("VALID " + dir.toAbsolutePath());
    assertThat(r.verdict()).as(printed).isEqualTo(Verdict.VALID);
    assertThat(r.exitStatus()).isZero();
    assertThat(r.faults().keySet()).containsAnyOf("kill", "partition");

    History h = new EdnHistoryReader().read(dir.resolve("history.edn"));
    List<String> nemesis =
        h.ops().stream().filter(HistoryOp::isNemesis).map(op -> op.f().name()).toList();
    assertThat(nemesis)
        .isNotEmpty()
        .isSubsetOf("kill", "start", "start-partition", "stop-partition");
    assertThat(h.clientOps()).hasSizeGreaterThan(50);

    assertThat(Files.readString(dir.resolve("results.edn")))
        .startsWith("{:valid? true")
        .contains(":faults");
    String timeline = Files.readString(dir.resolve("timeline.html"));
    assertThat(timeline)
        .contains("<svg")
        .contains("class=\"fault ")
        .doesNotContain("<script", "src=", "href=");
    for (String log : List.of("relay.log", "n1.log", "n2.log", "n3.log")) {
      assertThat(dir.resolve(log)).exists();
    }
    assertThat(Files.readString(dir.resolve("relay.log")))
        .contains("relay listening on 127.0.0.1:");
  }

  @Test
  void laggingReadsMutant_breaksReadYourWrites_andTheRunIsInvalid() {
    JepsenOptions o =
        new JepsenOptions(
            2, 4, Set.of(), Protocol.DELTA, dir, 7, 10, List.of(), NodeMutant.LAGGING_READS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JepsenRun.Result r;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      r = JepsenRun.main(o, out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(r.verdict()).as(printed).isEqualTo(Verdict.INVALID);
    assertThat(r.exitStatus()).isEqualTo(1);
    List<String> lines = printed.lines().toList();
    assertThat(lines).anyMatch(l -> l.startsWith("  INVALID read-your-writes: "));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("INVALID " + dir.toAbsolutePath());
  }
}

package dev.entente.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.peers.conform.ConformRow;
import dev.entente.peers.conform.ConformSuite;
import dev.entente.peers.conform.Scenario;
import dev.entente.peers.fixture.DroppingPeerMain;
import dev.entente.peers.launch.PeerSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite: Entente's replica over a child process (what {@code entente peer-stdio}
 * runs) passes every scenario; the broken fixture, which drops remote writes to keys it holds,
 * fails with a readable table and a replay command per failure.
 */
class ConformSuiteTest {
  @Test
  void conform_ententeOverStdio_passesEveryScenario() {
    String table = table(PeerTestSupport.javaPeer("cmd:entente-stdio", PeerStdioMain.class));
    assertThat(table).contains("6 scenarios: 6 passed, 0 failed").doesNotContain("FAILED");
    for (Scenario s : Scenario.all()) {
      assertThat(table).containsPattern(s.name() + " +pass ");
    }
    assertThat(table).startsWith("conform " + Scenario.SUITE_VERSION);
    assertThat(table).contains("(entente 0.1.0");
  }

  @Test
  void conform_droppingFixture_failsWithATableAndReplayCommands() {
    PeerSpec broken = PeerTestSupport.javaPeer("cmd:dropping", DroppingPeerMain.class);
    List<ConformRow> rows = ConformSuite.rows(broken, null);
    String table = render(broken, rows);
    assertThat(rows).filteredOn(r -> !r.passed()).isNotEmpty();
    assertThat(table).containsPattern("concurrent-puts +FAIL +eventual-convergence");
    assertThat(table)
        .contains("FAILED concurrent-puts | replay: ./entente conform --peer 'cmd:dropping'");
    assertThat(table).contains("(dropping-fixture 1)");
  }

  @Test
  void conform_inProcessEntente_passesAndUnknownScenarioIsAUsageError() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertThat(ConformSuite.run("entente", "clock-skew", out, out)).isZero();
    assertThat(ConformSuite.run("entente", "nope", out, out)).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("1 scenarios: 1 passed")
        .contains("--scenario nope: expected one of [concurrent-puts");
  }

  private static String table(PeerSpec spec) {
    return render(spec, ConformSuite.rows(spec, null));
  }

  private static String render(PeerSpec spec, List<ConformRow> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConformSuite.print(spec, rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    return text;
  }
}

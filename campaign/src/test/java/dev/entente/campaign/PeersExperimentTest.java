package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peers experiment: its section is built from the records alone (a peer's row folds its runs; a
 * peer that was not installed says unavailable and why), and a real run of the in-process Entente
 * peer gives a passing, converged record with the run's counts and the peer's version.
 */
class PeersExperimentTest {
  private static final CampaignPlan PLAN =
      new CampaignPlan(CampaignMode.QUICK, 1, 8, List.of(PeersExperiment.ID));

  @TempDir Path tmp;

  private static RunRecord entente(long seed, long anomalies, long bytes, long changes) {
    SimRun run = new SimRun(true, "", "./entente simulate --seed " + seed + " --peer entente");
    PeersMetrics m =
        new PeersMetrics(
            run, "entente 0.1.0", "", true, anomalies, changes, 10, bytes, 20, 40_000, 30_000, 500);
    return RunRecord.of(PeersExperiment.ID, "entente", seed, (int) seed, m);
  }

  @Test
  void aggregate_records_foldEachPeersRunsAndNameTheUnavailableOnes() {
    List<RunRecord> records =
        List.of(
            entente(1, 3, 1000, 10),
            entente(2, 5, 3000, 30),
            RunRecord.of(
                PeersExperiment.ID,
                "yjs",
                1,
                3,
                new StepStatus("unavailable", "the Node peers are not installed", null)));

    Section s = new PeersExperiment(PLAN).aggregate(records).section();

    Table peers = s.tables().get(0);
    assertThat(peers.rows()).hasSize(5);
    assertThat(cells(peers, 0))
        .containsExactly(
            "entente", "entente 0.1.0", "ran", "2", "0", "2", "8", "100", "1.5", "0.5", "0.5");
    assertThat(cells(peers, 2).subList(0, 3)).containsExactly("yjs", "unavailable", "unavailable");
    assertThat(s.findings())
        .contains("1 of 5 peers ran (entente)")
        .contains("yjs: unavailable (the Node peers are not installed)")
        .contains("2 of 2 runs converged; no peer failed a verdict")
        .contains("impossible calendar states (reads: entente 8)");
    Table replays = s.tables().get(1);
    assertThat(cells(replays, 0))
        .containsExactly(
            "entente",
            "2",
            "most impossible calendar states (5 reads)",
            "./entente simulate --seed 2 --peer entente");
    assertThat(s.charts()).hasSize(3);
  }

  @Test
  void aggregate_noRecords_isASectionThatSaysNothingRan() {
    Section s = new PeersExperiment(PLAN).aggregate(List.of()).section();

    assertThat(s.findings()).startsWith("0 of 5 peers ran.").contains("entente: not run.");
    assertThat(s.charts()).isEmpty();
  }

  @Test
  void run_nodePeersNotInstalled_isAnUnavailableRecordNotACrash() throws IOException {
    Files.writeString(tmp.resolve("package.json"), "{}", StandardCharsets.UTF_8);
    String before = System.getProperty("entente.peers.node");
    System.setProperty("entente.peers.node", tmp.toString());
    try {
      PeersExperiment e = new PeersExperiment(PLAN);
      RunSpec yjs = spec(e, "yjs");

      RunRecord r = e.run(yjs);

      assertThat(r.metrics()).isInstanceOf(StepStatus.class);
      StepStatus status = (StepStatus) r.metrics();
      assertThat(status.status()).isEqualTo("unavailable");
      assertThat(status.reason()).contains("not installed").contains("npm ci");
    } finally {
      if (before == null) {
        System.clearProperty("entente.peers.node");
      } else {
        System.setProperty("entente.peers.node", before);
      }
    }
  }

  @Test
  void run_entente_isAPassingRecordWithCountsAndVersion() {
    PeersExperiment e = new PeersExperiment(PLAN);

    RunRecord r = e.run(spec(e, "entente"));

    assertThat(r.metrics()).isInstanceOf(PeersMetrics.class);
    PeersMetrics m = (PeersMetrics) r.metrics();
    assertThat(m.run().passed()).as(m.failure()).isTrue();
    assertThat(m.converged()).isTrue();
    assertThat(m.version()).startsWith("entente ");
    assertThat(m.changes()).isPositive();
    assertThat(m.messageBytes()).isPositive();
    assertThat(m.noOpRoundTripNanos()).isPositive();
    assertThat(m.run().replay())
        .contains("--seed 1")
        .contains("--ops " + PeersExperiment.QUICK_OPS)
        .endsWith("--peer entente");
    assertThat(RunRecord.parse(r.toJsonLine())).isEqualTo(r);
  }

  @Test
  void specs_quickMode_runEveryPeerOnTwoSeeds() {
    List<RunSpec> specs = new PeersExperiment(PLAN).specs();

    assertThat(specs).hasSize(10);
    assertThat(specs.stream().map(RunSpec::variant).distinct())
        .containsExactly("entente", "automerge-java", "yjs", "automerge-js", "loro");
  }

  private static RunSpec spec(PeersExperiment e, String peer) {
    return e.specs().stream().filter(s -> s.variant().equals(peer)).findFirst().orElseThrow();
  }

  private static List<String> cells(Table t, int row) {
    return t.rows().get(row).stream().map(c -> c.text()).toList();
  }
}

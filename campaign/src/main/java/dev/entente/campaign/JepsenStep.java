package dev.entente.campaign;

import dev.entente.node.jepsen.Fault;
import dev.entente.node.jepsen.JepsenOptions;
import dev.entente.node.jepsen.JepsenRun;
import dev.entente.node.replica.NodeMutant;
import dev.entente.node.replica.Protocol;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@code entente jepsen} for the campaign (shard 0 only, after the simulations): none in quick
 * mode (its JVMs alone would take most of quick's minute), 3 nodes for 10 s under kills and
 * partitions by default, 5 nodes for 60 s under every fault family with {@code --full}. The run
 * directory is {@code jepsen/} inside the campaign's. A run that breaks becomes a status record,
 * never an exception. Stateless.
 */
final class JepsenStep {
  private JepsenStep() {}

  /** A Jepsen run's size. */
  record Size(int nodes, int seconds, String faults) {}

  /** The size {@code mode} runs, or null for none. */
  static @Nullable Size size(CampaignMode mode) {
    return switch (mode) {
      case QUICK -> null;
      case DEFAULT -> new Size(3, 10, "kill,partition");
      case FULL -> new Size(5, 60, "kill,pause,partition,clock");
    };
  }

  /** The records of the campaign's Jepsen run into {@code campaignDir}, or none if not planned. */
  static List<RunRecord> forCampaign(CampaignOptions o, Path campaignDir, PrintStream err) {
    if (!o.plan().includes(JepsenSection.ID) || o.shard().index() != 0) {
      return List.of();
    }
    Size size = size(o.mode());
    if (size == null) {
      return List.of(
          status(
              "skipped", "--quick has one minute in all; ./entente run runs a 10 s Jepsen test"));
    }
    return run(size, o.plan().firstSeed(), campaignDir.resolve("jepsen"), err);
  }

  /** Runs a Jepsen test of {@code size} with {@code seed} into {@code dir}. */
  static List<RunRecord> run(Size size, long seed, Path dir, PrintStream err) {
    try {
      JepsenOptions options =
          new JepsenOptions(
              size.nodes(),
              size.seconds(),
              Fault.parseList(size.faults()),
              Protocol.DELTA,
              dir,
              seed,
              30,
              List.of(),
              NodeMutant.NONE);
      JepsenRun.Result r = JepsenRun.main(options, err);
      String replay =
          "./entente jepsen --nodes "
              + size.nodes()
              + " --time "
              + size.seconds()
              + " --faults "
              + size.faults()
              + " --protocol "
              + Protocol.DELTA.label()
              + " --seed "
              + seed;
      Map<String, Long> faults = new TreeMap<>();
      r.faults().forEach((k, v) -> faults.put(k, (long) v));
      JepsenMetrics m =
          new JepsenMetrics(
              size.nodes(),
              size.seconds(),
              Protocol.DELTA.label(),
              size.faults(),
              new TreeMap<>(faults),
              r.verdict().name(),
              r.ops(),
              r.historyOps(),
              r.anomalies(),
              replay,
              dir.toString());
      return List.of(
          status("ran", "a real-process run in " + dir),
          RunRecord.of(JepsenSection.ID, JepsenSection.VARIANT, seed, 1, m));
    } catch (RuntimeException e) {
      return List.of(status("failed", RunRecord.stackTrace(e)));
    }
  }

  static RunRecord status(String status, @Nullable String reason) {
    return RunRecord.of(
        JepsenSection.ID, StepStatus.VARIANT, 0, 0, new StepStatus(status, reason, null));
  }
}

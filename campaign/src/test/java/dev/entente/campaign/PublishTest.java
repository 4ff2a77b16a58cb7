package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of a campaign: files, replay lines, and crashed runs with their stack traces. */
class PublishTest {
  @TempDir Path dir;

  @Test
  void write_crashedRun_keepsItsStackTraceAndPrintsItsReplay() throws IOException {
    CampaignOptions o =
        new CampaignOptions(
            CampaignMode.QUICK, 2, true, List.of("clocks"), false, false, Shard.WHOLE);
    SimRun ok = new SimRun(true, "", "./entente simulate --seed 1 --clock wall");
    RunRecord fine = RunRecord.of("clocks", "wall", 1, 0, new ClocksMetrics(ok, 5, 3, 1, 0, 0, 0L));
    RunRecord crash =
        RunRecord.crashed(
            new RunKey("clocks", "wall", 2),
            1,
            "./entente simulate --seed 2 --clock wall",
            new IllegalStateException("replica A: no such dot", new ArithmeticException("x")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Publish.write(
            dir,
            o,
            new Machine("17", 2, "Linux", "abc", false),
            List.of(crash, fine),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("crashed: clocks/wall/seed 2: java.lang.IllegalStateException: replica A")
        .contains("replay: ./entente simulate --seed 2 --clock wall");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "  replay (wall clock run with the most lost writes): ./entente simulate --seed 1")
        .contains("report: ");
    List<String> lines = Files.readAllLines(dir.resolve("runs.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("Caused by: java.lang.ArithmeticException: x");
  }
}

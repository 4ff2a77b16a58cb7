package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign on a tiny seed count: its directory, sharding and merging. */
class RunCommandTest {
  private static final String[] TINY = {
    "run", "--quick", "--seeds", "2", "--only", "clocks,sequencer", "--no-bench", "--no-tlc"
  };

  @TempDir Path tmp;

  @Test
  void run_tinyCampaign_writesOptionsRunsResultsAndTheReport() throws IOException {
    Path dir = tmp.resolve("run");

    Cli r = Cli.run("", with(TINY, "--out", dir.toString()));

    assertThat(r.status()).as(r.err()).isZero();
    for (String f : new String[] {"options.json", "runs.jsonl", "results.json"}) {
      assertThat(dir.resolve(f)).isRegularFile();
    }
    JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
    assertThat(results.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(results.get("command").asText())
        .isEqualTo("./entente run --quick --seeds 2 --only clocks,sequencer --no-bench --no-tlc");
    assertThat(results.get("machine").get("cores").asInt()).isPositive();
    assertThat(results.get("sections")).hasSize(2);
    assertThat(Files.readAllLines(dir.resolve("runs.jsonl"))).hasSize(3 * 2 + 2 * 2);
    assertThat(dir.resolve("index.html")).isRegularFile();
    assertThat(dir.resolve("report.md")).isRegularFile();
    assertThat(r.out()).contains("replay (", "./entente simulate --seed ");
    assertThat(r.err()).contains("clocks", "runs");
  }

  @Test
  void shards_merged_giveExactlyTheUnshardedResults() throws IOException {
    Path whole = tmp.resolve("whole");
    Path s0 = tmp.resolve("s0");
    Path s1 = tmp.resolve("s1");
    Path merged = tmp.resolve("merged");
    assertThat(Cli.run("", with(TINY, "--out", whole.toString())).status()).isZero();
    assertThat(Cli.run("", with(TINY, "--shard", "0/2", "--out", s0.toString())).status()).isZero();
    assertThat(Cli.run("", with(TINY, "--shard", "1/2", "--out", s1.toString())).status()).isZero();

    Cli m =
        Cli.run(
            "",
            "report",
            "merge",
            s0.toString(),
            s1.toString(),
            s1.toString(),
            "--out",
            merged.toString());

    assertThat(m.status()).as(m.err()).isZero();
    assertThat(read(merged, "results.json")).isEqualTo(read(whole, "results.json"));
    assertThat(read(merged, "runs.jsonl")).isEqualTo(read(whole, "runs.jsonl"));
    assertThat(merged.resolve("report.md")).isRegularFile();
  }

  @Test
  void merge_mismatchedOptions_isRefusedWithTheReason() {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Cli.run("", with(TINY, "--shard", "0/2", "--out", a.toString()));
    Cli.run(
        "",
        "run",
        "--quick",
        "--seeds",
        "1",
        "--only",
        "clocks",
        "--no-bench",
        "--no-tlc",
        "--shard",
        "1/2",
        "--out",
        b.toString());

    Cli m = Cli.run("", "report", "merge", a.toString(), b.toString(), "--out", tmp.toString());

    assertThat(m.status()).isEqualTo(EntenteCommand.EXIT_FAILED);
    assertThat(m.err()).contains("other options than the first directory", "--seeds 1");
  }

  @Test
  void merge_missingShard_isRefused() {
    Path a = tmp.resolve("a");
    Cli.run("", with(TINY, "--shard", "0/2", "--out", a.toString()));

    Cli m = Cli.run("", "report", "merge", a.toString(), "--out", tmp.resolve("m").toString());

    assertThat(m.status()).isEqualTo(EntenteCommand.EXIT_FAILED);
    assertThat(m.err()).contains("shard 1/2 is missing");
  }

  @Test
  void run_kubernetesIndexedJob_takesTheShardFromTheEnvironment() throws IOException {
    Path dir = tmp.resolve("k8s");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = {
      "run",
      "--quick",
      "--seeds",
      "1",
      "--only",
      "clocks",
      "--no-bench",
      "--no-tlc",
      "--shards",
      "2",
      "--out",
      dir.toString()
    };

    int status =
        EntenteCommand.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of("JOB_COMPLETION_INDEX", "1"));

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonNode options = new ObjectMapper().readTree(dir.resolve("options.json").toFile());
    assertThat(options.get("shard").get("index").asInt()).isEqualTo(1);
    assertThat(options.get("shard").get("count").asInt()).isEqualTo(2);
    assertThat(Files.readAllLines(dir.resolve("runs.jsonl"))).hasSize(1);
  }

  @Test
  void run_indexFromTheEnvironmentWithoutShards_isAUsageError() {
    int status =
        EntenteCommand.run(
            new String[] {"run", "--quick"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Map.of("JOB_COMPLETION_INDEX", "0"));

    assertThat(status).isEqualTo(EntenteCommand.EXIT_USAGE);
  }

  @Test
  void run_badShardOrExperiment_isAUsageError() {
    assertThat(Cli.run("", "run", "--shard", "2/2").status()).isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(Cli.run("", "run", "--only", "nope").err()).contains("unknown experiment 'nope'");
  }

  private static String[] with(String[] base, String... more) {
    String[] out = new String[base.length + more.length];
    System.arraycopy(base, 0, out, 0, base.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }

  private static String read(Path dir, String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }
}

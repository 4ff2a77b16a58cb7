package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @Test
  void simulate_oneSeed_printsTheContract() {
    Cli r = Cli.run("", "simulate", "--seed", "7", "--profile", "calm");
    assertThat(r.status()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).startsWith("simulate seed=7 profile=calm ");
    assertThat(lines[lines.length - 1]).matches("PASSED seed=7 trace=[0-9a-f]{64}");
  }

  @Test
  void simulate_sameSeedTwice_sameOutput() {
    Cli a = Cli.run("", "simulate", "--seed", "3", "--sync", "op", "--policy", "mv");
    Cli b = Cli.run("", "simulate", "--seed", "3", "--sync", "op", "--policy", "mv");
    assertThat(a.out()).isEqualTo(b.out());
  }

  @Test
  void simulate_range_printsSummaryAndProgress() {
    Cli r = Cli.run("", "simulate", "--seeds", "1..4", "--brief", "--ops", "40");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("summary: profile=default seeds=1..4 runs=4 passed=4 failed=0");
    assertThat(r.out()).contains("simulated events/s");
    assertThat(r.err()).contains("[4/4] failed=0");
  }

  @Test
  void simulate_failingRun_writesFilesAndReplayCommand(@TempDir Path dir) throws Exception {
    Cli r =
        Cli.run(
            "",
            "simulate",
            "--seed",
            "2",
            "--sync",
            "delta",
            "--no-anti-entropy",
            "--ops",
            "30",
            "--shrink",
            "--out",
            dir.toString());
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_FAILED);
    String[] lines = r.out().split("\n");
    assertThat(lines[lines.length - 1])
        .startsWith("FAILED seed=2 ")
        .endsWith(
            "| replay: ./entente simulate --seed 2 --profile default --ops 30 --sync delta"
                + " --no-anti-entropy");
    assertThat(r.out()).contains("shrunk in ");
    Path run = dir.resolve("seed-2");
    for (String f :
        new String[] {
          "options.txt",
          "schedule.txt",
          "shrunk-schedule.txt",
          "history.edn",
          "history.jsonl",
          "trace.log",
          "result.json"
        }) {
      assertThat(run.resolve(f)).exists();
    }
    assertThat(Files.readString(run.resolve("result.json"))).contains("\"schemaVersion\" : 1");
  }

  @Test
  void simulate_badOption_isAUsageError() {
    assertThat(Cli.run("", "simulate", "--sync", "carrier-pigeon").status())
        .isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(Cli.run("", "simulate", "--seeds", "9..1").status())
        .isEqualTo(EntenteCommand.EXIT_USAGE);
  }

  @Test
  void simulate_profileFile_copyOfABuiltIn_runsTheSameTraces(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("my-calm.json");
    Files.writeString(file, builtIn("calm"));
    Cli r =
        Cli.run("", "simulate", "--seeds", "3..4", "--brief", "--profile-file", file.toString());
    Cli calm = Cli.run("", "simulate", "--seeds", "3..4", "--brief", "--profile", "calm");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("summary: profile=calm seeds=3..4 runs=2 passed=2 failed=0");
    assertThat(r.out().lines().limit(2))
        .containsExactlyElementsOf(calm.out().lines().limit(2).toList());
  }

  @Test
  void simulate_profileFile_failingRun_replaysWithTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.json");
    Files.writeString(
        file, builtIn("default").replace("\"name\": \"default\"", "\"name\": \"mine\""));
    String[] args = {
      "simulate",
      "--seed",
      "2",
      "--profile-file",
      file.toString(),
      "--sync",
      "delta",
      "--no-anti-entropy",
      "--ops",
      "30"
    };
    Cli r = Cli.run("", args);
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_FAILED);
    assertThat(r.out()).startsWith("simulate seed=2 profile=mine ");
    assertThat(r.out().strip())
        .endsWith(
            "| replay: ./entente simulate --seed 2 --profile-file "
                + file
                + " --ops 30 --sync delta --no-anti-entropy");
  }

  @Test
  void simulate_badProfileFile_isAUsageErrorNamingFileAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, builtIn("calm").replace("\"loss\": \"1/20\"", "\"loss\": \"2/1\""));
    Cli r = Cli.run("", "simulate", "--profile-file", file.toString());
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(r.err()).contains(file + ": field network.loss: ratio numerator must be in [0, 1]");
  }

  @Test
  void simulate_profileAndProfileFile_areMutuallyExclusive(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("calm.json");
    Files.writeString(file, builtIn("calm"));
    Cli r = Cli.run("", "simulate", "--profile", "calm", "--profile-file", file.toString());
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(r.err()).contains("mutually exclusive");
  }

  @Test
  void simulate_help_listsTheNamesPicocliParses() {
    Cli r = Cli.run("", "simulate", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("swarm, storage-faults,")
        .contains("long-offline, rollout, compaction (default:")
        .contains("op, state, delta, sequencer")
        .contains("wall, lamport, hlc")
        .contains("--profile-file=FILE");
  }

  @Test
  void simulate_unknownName_isAUsageErrorNamingTheOption() {
    Cli r = Cli.run("", "simulate", "--profile", "hurricane");
    assertThat(r.status()).isEqualTo(EntenteCommand.EXIT_USAGE);
    assertThat(r.err()).contains("--profile").contains("'hurricane' is not a profile");
  }

  private static String builtIn(String name) throws Exception {
    try (var in = SimulateCommandTest.class.getResourceAsStream("/profiles/" + name + ".json")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}

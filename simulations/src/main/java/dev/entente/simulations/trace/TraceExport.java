package dev.entente.simulations.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.impl.ApplyResult;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.clock.SimClock;
import dev.entente.simulations.event.RunEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One export in progress ({@link TraceExporter#export(SimulationOutcome)}): replays the run's typed
 * events into trace lines. Besides {@code Write} and {@code Receive} (a buffered change included:
 * MV and causal group), it writes {@code Merge} (a state-gossip merge: the changes new to the
 * replica, in the order applied), {@code Crash} (the process stops; its durable state is its
 * delivered log), {@code Restart} (the fresh replica merged that log) and {@code ClockStep} (a
 * machine's physical clock jumped); the first traced sample (LWW) never has them, so its lines are
 * unchanged. Values shown are a string or null under LWW, an array of values otherwise. Mutable,
 * single use.
 */
final class TraceExport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimulationOutcome outcome;
  private final Map<String, SimClock> physical = new TreeMap<>();
  private final Map<String, Long> steps = new HashMap<>();
  private final Map<Dot, Change> changes = new HashMap<>();
  private final Map<ReplicaId, Set<Dot>> known = new HashMap<>();
  private final List<ObjectNode> events = new ArrayList<>();
  private long tick;
  private long minTime = Long.MAX_VALUE;

  TraceExport(SimulationOutcome outcome) {
    this.outcome = outcome;
  }

  List<String> lines() {
    for (RunEvent event : outcome.events()) {
      take(event);
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

  private void take(RunEvent event) {
    if (event instanceof RunEvent.MachineAdded m) {
      physical.put(m.name(), new SimClock(() -> tick, m.skewMillis(), m.driftPpm()));
    } else if (event instanceof RunEvent.LocalWrite w) {
      tick = w.tick();
      write(w.change());
    } else if (event instanceof RunEvent.Applied a) {
      tick = a.tick();
      apply(a);
    } else if (event instanceof RunEvent.Merged m) {
      tick = m.tick();
      merge(m);
    } else if (event instanceof RunEvent.Crashed c) {
      tick = c.tick();
      known.put(c.replica(), new HashSet<>());
      ObjectNode e = bare("Crash", c.replica().value());
      e.putObject("post").set("pt", pts());
      events.add(e);
    } else if (event instanceof RunEvent.ClockStepped c) {
      tick = c.tick();
      steps.merge(c.name(), c.deltaMillis(), Long::sum);
      ObjectNode e = bare("ClockStep", c.name());
      e.putObject("post").set("pt", pts());
      events.add(e);
    }
  }

  private ObjectNode header(long base) {
    SimulationOptions o = outcome.options();
    ObjectNode h = JSON.createObjectNode();
    h.put("event", "Init");
    h.put("format", TraceExporter.FORMAT);
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
    if (o.policy() == RegisterPolicy.CAUSAL_GROUP) {
      ObjectNode groups = h.putObject("groups");
      KeyGroups byPath = KeyGroups.byParentPath();
      for (Change c : changes.values()) {
        c.ops().forEach(op -> groups.put(op.key().value(), byPath.groupOf(op.key())));
      }
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
    knownBy(c.author()).add(c.dot());
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
    if (a.result() instanceof ApplyResult.Rejected) {
      throw new IllegalArgumentException(
          "cannot export a trace: " + replica + " rejected " + a.result().dot());
    }
    Change c = changes.get(a.result().dot());
    if (c == null) {
      throw new IllegalStateException("applied " + a.result().dot() + " before it was written");
    }
    knownBy(a.replica()).add(c.dot());
    ObjectNode e = event("Receive", replica, c);
    post(e, a.replica(), a.physicalMillis(), a.clock(), a.vv(), values(c.ops(), a.view()));
    events.add(e);
  }

  /** A merge line lists the changes new to the replica; a merge of nothing new is a stutter. */
  private void merge(RunEvent.Merged m) {
    Set<Dot> mine = knownBy(m.replica());
    List<Change> fresh = new ArrayList<>();
    List<Op> ops = new ArrayList<>();
    for (Change c : m.changes()) {
      if (mine.add(c.dot())) {
        changes.putIfAbsent(c.dot(), c);
        fresh.add(c);
        ops.addAll(c.ops());
      }
    }
    if (fresh.isEmpty() && !m.restart()) {
      return;
    }
    ObjectNode e = bare(m.restart() ? "Restart" : "Merge", m.replica().value());
    ArrayNode list = e.putArray("changes");
    fresh.forEach(c -> list.add(change(c)));
    post(e, m.replica(), m.physicalMillis(), m.clock(), m.vv(), values(ops, m.view()));
    events.add(e);
  }

  private void post(
      ObjectNode e,
      ReplicaId replica,
      long physicalMillis,
      HlcTimestamp clock,
      VersionVector vv,
      ObjectNode values) {
    ObjectNode post = e.putObject("post");
    ObjectNode pts = pts();
    if (pts.get(replica.value()).asLong() != physicalMillis) {
      throw new IllegalStateException(
          "physical clock of "
              + replica
              + " is "
              + physicalMillis
              + ", not "
              + pts.get(replica.value()));
    }
    post.set("pt", pts);
    post.set("clock", timestamp(clock));
    ObjectNode v = post.putObject("vv");
    for (String r : physical.keySet()) {
      Long n = vv.entries().get(ReplicaId.of(r));
      v.put(r, n == null ? 0 : n);
    }
    post.set("values", values);
    note(clock.wallMillis());
  }

  private Set<Dot> knownBy(ReplicaId replica) {
    return known.computeIfAbsent(replica, r -> new HashSet<>());
  }

  /** What {@code view} shows for the keys of {@code ops}: LWW one value or null; else a list. */
  private ObjectNode values(List<Op> ops, MaterialisedMap view) {
    boolean lww = outcome.options().policy() == RegisterPolicy.LWW;
    ObjectNode values = JSON.createObjectNode();
    for (Op op : ops) {
      String key = op.key().value();
      List<Value> shown = view.entries().get(op.key());
      if (!lww) {
        ArrayNode list = values.putArray(key);
        if (shown != null) {
          shown.forEach(v -> list.add(v.value()));
        }
      } else if (shown == null || shown.isEmpty()) {
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

  private ObjectNode bare(String name, String replica) {
    ObjectNode e = JSON.createObjectNode();
    e.put("event", name);
    e.put("replica", replica);
    e.put("tick", tick);
    return e;
  }

  private ObjectNode event(String name, String replica, Change c) {
    ObjectNode e = bare(name, replica);
    e.set("change", change(c));
    return e;
  }

  private ObjectNode change(Change c) {
    ObjectNode ch = JSON.createObjectNode();
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
    return ch;
  }

  private ObjectNode pts() {
    ObjectNode o = JSON.createObjectNode();
    for (Map.Entry<String, SimClock> e : physical.entrySet()) {
      long pt = Math.max(0, e.getValue().millis() + steps.getOrDefault(e.getKey(), 0L));
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
    if (c.has("change")) {
      shiftTimestamp((ObjectNode) c.get("change").get("timestamp"), base);
    }
    if (c.has("changes")) {
      c.get("changes").forEach(ch -> shiftTimestamp((ObjectNode) ch.get("timestamp"), base));
    }
    ObjectNode post = (ObjectNode) c.get("post");
    if (post.has("clock")) {
      shiftTimestamp((ObjectNode) post.get("clock"), base);
    }
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

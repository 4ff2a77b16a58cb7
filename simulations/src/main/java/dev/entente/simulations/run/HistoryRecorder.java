package dev.entente.simulations.run;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import dev.entente.simulations.event.TraceLog;
import dev.entente.simulations.io.CanonicalEdn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records the run's Jepsen history: client ops and nemesis events in one stream, indexed in order,
 * with {@code :time} the virtual tick in nanoseconds. Every op also goes into the trace log as
 * canonical EDN. Mutable, not thread-safe.
 */
public final class HistoryRecorder {
  /** Nanoseconds per tick (a tick is a millisecond). */
  public static final long NANOS_PER_TICK = 1_000_000L;

  private final List<HistoryOp> ops = new ArrayList<>();
  private final TraceLog trace;

  /** A recorder writing each op to {@code trace} too. */
  public HistoryRecorder(TraceLog trace) {
    this.trace = trace;
  }

  /** Records one op. */
  public HistoryOp add(
      OpType type, long process, Keyword f, Object value, long tick, Object error) {
    HistoryOp op =
        new HistoryOp(ops.size(), type, process, f, ordered(value), tick * NANOS_PER_TICK, error);
    ops.add(op);
    trace.add("history " + CanonicalEdn.op(op));
    return op;
  }

  /** Records a nemesis event ({@code :info}, process {@code :nemesis}). */
  public void nemesis(String f, Object value, long tick) {
    add(OpType.INFO, HistoryOp.NEMESIS, Keyword.of(f), value, tick, null);
  }

  /** The ops so far. Unmodifiable view. */
  public List<HistoryOp> ops() {
    return Collections.unmodifiableList(ops);
  }

  /**
   * A copy of {@code value} whose maps iterate in canonical key order (the JDK's immutable maps
   * iterate in a per-JVM random order), so that any history writer produces the same bytes on every
   * run. Equal to the original.
   */
  static Object ordered(Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Map.Entry<?, ?>> byText = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        byText.put(CanonicalEdn.value(e.getKey()), e);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : byText.values()) {
        out.put(e.getKey(), ordered(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(ordered(o));
      }
      return Collections.unmodifiableList(out);
    }
    return value;
  }

  /** The history so far. */
  public History history() {
    return new History(ops);
  }
}

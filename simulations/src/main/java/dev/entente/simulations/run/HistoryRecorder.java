package dev.entente.simulations.run;

import dev.entente.model.history.EdnText;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import dev.entente.simulations.event.TraceLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Records the run's Jepsen history as plain data: client ops and nemesis events in one stream,
 * indexed in order, with {@code :time} the virtual tick in nanoseconds, and values in canonical
 * order. Every op also goes into the trace log as one line of EDN (the trace hash covers it);
 * history files are written by the {@code histories} module, not here. Mutable, not thread-safe.
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
      OpType type,
      long process,
      Keyword f,
      @Nullable Object value,
      long tick,
      @Nullable Object error) {
    HistoryOp op =
        new HistoryOp(
            ops.size(), type, process, f, ordered(value), tick * NANOS_PER_TICK, ordered(error));
    ops.add(op);
    trace.add("history " + traceText(op));
    return op;
  }

  /**
   * The op as the trace shows it: {@code {:index 0 :type :invoke :process 0 :f :write :value ...
   * :time 0}}, values already in canonical order. This layout is part of every pinned trace hash
   * ({@code TraceHashGoldenTest}): changing it changes every seed's hash.
   */
  static String traceText(HistoryOp op) {
    StringBuilder b = new StringBuilder("{:index ").append(op.index());
    b.append(" :type :").append(op.type().name().toLowerCase(Locale.ROOT));
    b.append(" :process ").append(op.isNemesis() ? ":nemesis" : Long.toString(op.process()));
    b.append(" :f ").append(op.f());
    b.append(" :value ");
    EdnText.append(b, op.value());
    b.append(" :time ").append(op.timeNanos());
    if (op.error() != null) {
      b.append(" :error ");
      EdnText.append(b, op.error());
    }
    return b.append('}').toString();
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
   * A copy of {@code value} whose maps iterate in canonical key order and whose sets in canonical
   * element order (the JDK's immutable maps and sets iterate in a per-JVM random order), so that
   * the trace and any history writer produce the same bytes on every run. Equal to the original.
   */
  static @Nullable Object ordered(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Map.Entry<?, ?>> byText = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        byText.put(EdnText.print(ordered(e.getKey())), e);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : byText.values()) {
        out.put(e.getKey(), ordered(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof Set<?> set) {
      TreeMap<String, Object> byText = new TreeMap<>();
      for (Object o : set) {
        Object element = ordered(o);
        byText.put(EdnText.print(element), element);
      }
      return Collections.unmodifiableSet(new LinkedHashSet<>(byText.values()));
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

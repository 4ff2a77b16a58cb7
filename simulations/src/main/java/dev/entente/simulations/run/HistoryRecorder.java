package dev.entente.simulations.run;

import dev.entente.model.history.EdnText;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import dev.entente.simulations.event.TraceLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
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
  // A write records one value twice (invoke and ok): the last value, its ordered copy and its EDN
  // text are kept so that the second op reuses them instead of ordering and printing again.
  private @Nullable Object lastValue;
  private @Nullable Object lastOrdered;
  private String lastValueText = "nil";

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
    if (value == null || value != lastValue) {
      lastValue = value;
      lastOrdered = ordered(value);
      lastValueText = EdnText.print(lastOrdered);
    }
    HistoryOp op =
        new HistoryOp(
            ops.size(), type, process, f, lastOrdered, tick * NANOS_PER_TICK, ordered(error));
    ops.add(op);
    trace.add(traceText(op, lastValueText));
    return op;
  }

  /**
   * The op as the trace shows it: {@code {:index 0 :type :invoke :process 0 :f :write :value ...
   * :time 0}}, values already in canonical order. This layout is part of every pinned trace hash
   * ({@code TraceHashGoldenTest}): changing it changes every seed's hash.
   */
  static String traceText(HistoryOp op) {
    return traceText(op, EdnText.print(op.value())).substring("history ".length());
  }

  /** {@code history } and the op's {@link #traceText(HistoryOp)}, given its value's EDN text. */
  private static String traceText(HistoryOp op, String valueText) {
    StringBuilder b = new StringBuilder(64 + valueText.length()).append("history {:index ");
    b.append(op.index());
    b.append(" :type :").append(typeName(op.type()));
    b.append(" :process ");
    if (op.isNemesis()) {
      b.append(":nemesis");
    } else {
      b.append(op.process());
    }
    b.append(" :f :").append(op.f().name());
    b.append(" :value ").append(valueText);
    b.append(" :time ").append(op.timeNanos());
    if (op.error() != null) {
      b.append(" :error ");
      EdnText.append(b, op.error());
    }
    return b.append('}').toString();
  }

  private static String typeName(OpType type) {
    return switch (type) {
      case INVOKE -> "invoke";
      case OK -> "ok";
      case FAIL -> "fail";
      case INFO -> "info";
    };
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
      if (map.size() <= 1 || inPrintedOrder(map)) {
        Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, ordered(v)));
        return Collections.unmodifiableMap(out);
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : inTextOrder(map)) {
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

  /**
   * The entries of {@code map} sorted by their keys' EDN text. Keys that are all keywords (the
   * values of every client op) sort by name, which is that order, since every keyword's text is
   * {@code :} and its name; others are printed to sort.
   */
  private static Collection<? extends Map.Entry<?, ?>> inTextOrder(Map<?, ?> map) {
    if (allKeywords(map)) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      entries.sort(Comparator.comparing(e -> ((Keyword) e.getKey()).name()));
      return entries;
    }
    TreeMap<String, Map.Entry<?, ?>> byText = new TreeMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      byText.put(EdnText.print(ordered(e.getKey())), e);
    }
    return byText.values();
  }

  private static boolean allKeywords(Map<?, ?> map) {
    for (Object key : map.keySet()) {
      if (!(key instanceof Keyword)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if {@code map} already iterates in the order of its keys' EDN text: a naturally ordered
   * sorted map of strings whose characters all print as themselves and sort after the quote that
   * closes the text (so a prefix sorts first in both orders). Then no key needs printing to sort.
   */
  private static boolean inPrintedOrder(Map<?, ?> map) {
    if (!(map instanceof SortedMap<?, ?> sorted) || sorted.comparator() != null) {
      return false;
    }
    for (Object key : map.keySet()) {
      if (!(key instanceof String s) || !printsPlain(s)) {
        return false;
      }
    }
    return true;
  }

  private static boolean printsPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= '"' || c == '\\' || c > '~') {
        return false;
      }
    }
    return true;
  }

  /** The history so far. */
  public History history() {
    return new History(ops);
  }
}

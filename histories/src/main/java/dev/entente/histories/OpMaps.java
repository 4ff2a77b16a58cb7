package dev.entente.histories;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link HistoryOp}s from op maps whose keys are {@link Keyword}s (EDN) or strings (JSON),
 * and assembles them into a {@link History}: the one place that knows Jepsen's op fields.
 *
 * <p>Fields: {@code type} (invoke, ok, fail, info), {@code f}, {@code value}, {@code process} (an
 * integer; {@code nemesis} or any other name marks a non-client process), {@code time}, {@code
 * index}, {@code error}. Other fields are dropped, except {@code key} (porcupine's kv logs), which
 * is folded into the value as Jepsen's independent-key tuple {@code [key value]}. An op without
 * {@code f} whose value is a list is a transaction, {@code :txn} (Elle's histories omit it).
 */
final class OpMaps {
  private OpMaps() {}

  /** An op read from a file, with the position to blame if it is bad. */
  record Located(Map<?, ?> map, long line, long column) {}

  /** Converts and assembles; indices come from the file, or file order if none has one. */
  static History history(String source, List<Located> ops) throws HistoryParseException {
    List<HistoryOp> out = new ArrayList<>(ops.size());
    int withIndex = 0;
    for (int i = 0; i < ops.size(); i++) {
      Located located = ops.get(i);
      try {
        HistoryOp op = op(located.map(), i);
        withIndex += field(located.map(), "index") != null ? 1 : 0;
        out.add(op);
      } catch (IllegalArgumentException e) {
        throw new HistoryParseException(
            source, located.line(), located.column(), "op #" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (withIndex != 0 && withIndex != ops.size()) {
      throw new HistoryParseException(
          source, 0, 0, withIndex + " of " + ops.size() + " ops have an :index; all or none must");
    }
    if (withIndex == 0) {
      for (int i = 0; i < out.size(); i++) {
        out.set(i, out.get(i).withIndex(i));
      }
    }
    try {
      return new History(out);
    } catch (IllegalArgumentException e) {
      throw new HistoryParseException(
          source, 0, 0, Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }
  }

  private static HistoryOp op(Map<?, ?> map, int position) {
    OpType type = type(field(map, "type"));
    Object f = field(map, "f");
    Object value = field(map, "value");
    if (map.containsKey(Keyword.of("key")) || map.containsKey("key")) {
      value = Collections.unmodifiableList(java.util.Arrays.asList(field(map, "key"), value));
    }
    Keyword fKeyword;
    if (f == null && value instanceof List) {
      fKeyword = Keyword.of("txn");
    } else {
      fKeyword = keyword(f, "f");
    }
    return new HistoryOp(
        integer(field(map, "index"), "index", position),
        type,
        process(field(map, "process")),
        fKeyword,
        value,
        integer(field(map, "time"), "time", -1),
        field(map, "error"));
  }

  /** The value under {@code :name} or {@code "name"}. */
  static @Nullable Object field(Map<?, ?> map, String name) {
    Object v = map.get(Keyword.of(name));
    return v != null ? v : map.get(name);
  }

  private static OpType type(@Nullable Object v) {
    String name = name(v);
    if (name == null) {
      throw new IllegalArgumentException("missing or non-keyword :type " + v);
    }
    return switch (name) {
      case "invoke" -> OpType.INVOKE;
      case "ok" -> OpType.OK;
      case "fail" -> OpType.FAIL;
      case "info" -> OpType.INFO;
      default ->
          throw new IllegalArgumentException(
              "unknown :type :" + name + " (expected :invoke, :ok, :fail or :info)");
    };
  }

  private static Keyword keyword(@Nullable Object v, String field) {
    String name = name(v);
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("missing or non-keyword :" + field + " " + v);
    }
    return Keyword.of(name.startsWith(":") ? name.substring(1) : name);
  }

  private static long process(@Nullable Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (name(v) != null) {
      return HistoryOp.NEMESIS;
    }
    throw new IllegalArgumentException("missing or invalid :process " + v);
  }

  private static long integer(@Nullable Object v, String field, long absent) {
    if (v == null) {
      return absent;
    }
    if (v instanceof Long l) {
      return l;
    }
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, ":%s must be an integer, was %s", field, v));
  }

  private static @Nullable String name(@Nullable Object v) {
    if (v instanceof Keyword k) {
      return k.name();
    }
    return v instanceof String s ? s : null;
  }
}

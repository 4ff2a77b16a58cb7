package dev.entente.histories;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import clojure.lang.LineNumberingPushbackReader;
import clojure.lang.PersistentHashMap;
import dev.entente.model.history.History;
import dev.entente.model.history.Keyword;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Reads Jepsen histories written in EDN through Clojure's own EDN reader ({@code
 * clojure.edn/read}). A file is any sequence of top-level forms, each either one op map or a
 * vector/list of op maps, so both knossos's single vector and Jepsen's one-map-per-line files read;
 * {@code ;} comments are skipped. See {@link OpMaps} for the op fields.
 *
 * <p>Values become the Java forms documented in {@link dev.entente.model.history.HistoryOp}: nil,
 * {@link Long} (big integers that fit), {@link Double}, {@link String} (characters too), {@link
 * Boolean}, {@link Keyword} (namespaced keywords keep {@code ns/name}), and unmodifiable lists,
 * maps and sets. Symbols, {@code #uuid}s and characters become strings, {@code #inst}s ISO-8601
 * strings (they occur in the exception data Jepsen records); ratios, exact decimals and integers
 * beyond 64 bits are rejected. Any failure, a truncated file included, is a {@link
 * HistoryParseException} with the line and column where reading stopped. Stateless and thread-safe.
 */
public final class EdnHistoryReader {
  private static final class Edn {
    static final IFn READ;
    static final IFn READ_STRING;

    static {
      IFn require = Clojure.var("clojure.core", "require");
      require.invoke(Clojure.read("clojure.edn"));
      READ = Clojure.var("clojure.edn", "read");
      READ_STRING = Clojure.var("clojure.edn", "read-string");
    }
  }

  private static final Object EOF = new Object();

  /** Reads the history in {@code file} (UTF-8). */
  public History read(Path file) throws HistoryParseException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new HistoryParseException(file.toString(), 0, 0, "cannot read: " + e, e);
    }
  }

  /**
   * Reads a history from {@code in}; {@code source} names it in errors. Does not close {@code in}.
   */
  public History read(Reader in, String source) throws HistoryParseException {
    LineNumberingPushbackReader reader = new LineNumberingPushbackReader(in);
    Object opts = PersistentHashMap.create(clojure.lang.Keyword.intern("eof"), EOF);
    List<OpMaps.Located> ops = new ArrayList<>();
    while (true) {
      long line = skipBlank(reader, source);
      Object form;
      try {
        form = Edn.READ.invoke(opts, reader);
      } catch (RuntimeException e) {
        throw new HistoryParseException(
            source,
            reader.getLineNumber(),
            reader.getColumnNumber(),
            "malformed or truncated EDN: " + rootMessage(e),
            e);
      }
      if (form == EOF) {
        break;
      }
      addOps(source, form, line, ops);
    }
    return OpMaps.history(source, ops);
  }

  /** Skips whitespace, commas and comments; returns the line the next form starts on. */
  private static long skipBlank(LineNumberingPushbackReader reader, String source)
      throws HistoryParseException {
    try {
      for (int c = reader.read(); c != -1; c = reader.read()) {
        if (c == ';') {
          reader.readLine();
        } else if (!Character.isWhitespace(c) && c != ',') {
          reader.unread(c);
          break;
        }
      }
      return reader.getLineNumber();
    } catch (IOException e) {
      throw new HistoryParseException(source, reader.getLineNumber(), 0, "cannot read: " + e, e);
    }
  }

  /**
   * Reads one EDN value (for example a command-line argument) as a history value; throws {@link
   * IllegalArgumentException} if {@code text} is not exactly one supported EDN value.
   */
  public static Object readValue(String text) {
    Object form;
    try {
      form = Edn.READ_STRING.invoke(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an EDN value: " + text + ": " + rootMessage(e), e);
    }
    return toJava(form);
  }

  private static void addOps(String source, Object form, long line, List<OpMaps.Located> ops)
      throws HistoryParseException {
    Object value;
    try {
      value = toJava(form);
    } catch (IllegalArgumentException e) {
      throw new HistoryParseException(
          source, line, 0, Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }
    if (value instanceof Map<?, ?> map) {
      ops.add(new OpMaps.Located(map, line, 0));
    } else if (value instanceof List<?> list) {
      for (Object o : list) {
        if (!(o instanceof Map<?, ?> map)) {
          throw new HistoryParseException(
              source, line, 0, "expected an op map in the history vector, found " + describe(o));
        }
        ops.add(new OpMaps.Located(map, line, 0));
      }
    } else {
      throw new HistoryParseException(
          source, line, 0, "expected an op map or a vector of op maps, found " + describe(value));
    }
  }

  /** Converts Clojure data to the history's Java forms. */
  static Object toJava(Object o) {
    boolean collection =
        o instanceof Map<?, ?>
            || o instanceof Set<?>
            || o instanceof List<?>
            || o instanceof clojure.lang.ISeq;
    return collection ? collection(o) : scalar(o);
  }

  private static Object scalar(Object o) {
    if (o == null || o instanceof String || o instanceof Boolean || o instanceof Long) {
      return o;
    }
    if (o instanceof clojure.lang.Keyword k) {
      return Keyword.of(k.toString().substring(1));
    }
    if (o instanceof Double || o instanceof Float) {
      return ((Number) o).doubleValue();
    }
    if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
      return ((Number) o).longValue();
    }
    if (o instanceof clojure.lang.BigInt || o instanceof BigInteger) {
      return bigInteger(o);
    }
    if (o instanceof Character || o instanceof clojure.lang.Symbol || o instanceof UUID) {
      // Symbols occur in the exception data Jepsen records ({:type java.sql.SQLException}).
      return o.toString();
    }
    if (o instanceof Date d) {
      return d.toInstant().toString();
    }
    if (o instanceof clojure.lang.Ratio || o instanceof BigDecimal) {
      throw new IllegalArgumentException(
          "unsupported number " + o + " (ratios and exact decimals have no history form)");
    }
    throw new IllegalArgumentException("unsupported EDN value " + describe(o));
  }

  private static Object collection(Object o) {
    if (o instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(toJava(k), toJava(v)));
      return Collections.unmodifiableMap(out);
    }
    if (o instanceof Set<?> set) {
      Set<Object> out = new LinkedHashSet<>();
      set.forEach(x -> out.add(toJava(x)));
      return Collections.unmodifiableSet(out);
    }
    List<Object> out = new ArrayList<>();
    ((Collection<?>) o).forEach(x -> out.add(toJava(x)));
    return Collections.unmodifiableList(out);
  }

  private static Long bigInteger(Object o) {
    BigInteger b = o instanceof clojure.lang.BigInt big ? big.toBigInteger() : (BigInteger) o;
    if (b.bitLength() > 63) {
      throw new IllegalArgumentException("integer " + b + " does not fit in 64 bits");
    }
    return b.longValue();
  }

  private static String describe(Object o) {
    return o == null ? "nil" : o + " (" + o.getClass().getSimpleName() + ")";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.toString() : m;
  }
}

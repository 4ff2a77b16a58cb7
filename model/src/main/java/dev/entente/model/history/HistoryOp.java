package dev.entente.model.history;

import dev.entente.model.Check;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a Jepsen-style history, as plain data. Immutable.
 *
 * <p>{@code value} is EDN data in Java form: {@code null} for nil, {@link Long} for integers,
 * {@link Double} for floats, {@link String}, {@link Boolean}, {@link Keyword}, {@link
 * java.util.List} for vectors and lists, {@link java.util.Map} for maps and {@link java.util.Set}
 * for sets, all unmodifiable. {@code process} is the client process id, or {@link #NEMESIS} for
 * fault-injection events, which share the stream but are not client operations. {@code timeNanos}
 * is -1 when the source has no time. {@code error} is null unless the op carries one.
 *
 * <p>Invariants: {@code index >= 0}; {@code type} and {@code f} non-null.
 */
public record HistoryOp(
    long index,
    OpType type,
    long process,
    Keyword f,
    @Nullable Object value,
    long timeNanos,
    @Nullable Object error) {
  /** The process id that marks nemesis events. */
  public static final long NEMESIS = -1;

  /** Validates the invariants. */
  public HistoryOp {
    Check.argument(index >= 0, "history op index must be >= 0, was %d", index);
    Check.argument(type != null, "history op %d has no type", index);
    Check.argument(f != null, "history op %d has no :f", index);
  }

  /** True for fault-injection events. */
  public boolean isNemesis() {
    return process == NEMESIS;
  }

  /** A copy with another index (used when a reader renumbers a file without indices). */
  public HistoryOp withIndex(long newIndex) {
    return new HistoryOp(newIndex, type, process, f, value, timeNanos, error);
  }
}

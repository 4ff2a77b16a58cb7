package dev.entente.impl;

import dev.entente.model.Dot;
import dev.entente.model.VersionVector;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a change offered to {@link Replica#apply}: expected outcomes are values, not
 * exceptions, because duplicates, early arrivals and forgeries are normal on an untrusted network.
 */
public sealed interface ApplyResult
    permits ApplyResult.Applied, ApplyResult.Duplicate, ApplyResult.Buffered, ApplyResult.Rejected {

  /** The offered change's dot. */
  Dot dot();

  /**
   * The change was delivered, together with any buffered changes it released, in delivery order
   * ({@code delivered.get(0)} is the offered change).
   */
  record Applied(Dot dot, List<Dot> delivered) implements ApplyResult {
    /** Copies the list. */
    public Applied {
      delivered = List.copyOf(delivered);
    }
  }

  /** The replica already holds this exact change; nothing changed. */
  record Duplicate(Dot dot) implements ApplyResult {}

  /**
   * The change waits for causal predecessors (causal policies only); {@link #missing()} names the
   * dots it still needed when it was offered, as ranges like {@code B:2..4}. A value like a record:
   * equal when the dot and the text are, and shown as {@code Buffered[dot=.., missing=..]}.
   *
   * <p>The replica makes it from what it needs to build the text, and the text is built on first
   * use: most callers drop the result, and building it for every buffered change cost a tenth of an
   * out-of-order replay.
   */
  final class Buffered implements ApplyResult {
    private final Dot dot;
    // Built at most once per thread that races for it; String is immutable, so a racy publication
    // is safe, and the inputs below stay (they are never nulled) so every builder sees them.
    private @Nullable String missing;
    // For the lazy form: the change's seen vector and, per entry in its order, the prefix the
    // replica had delivered of that replica when the change was offered. The array is never written
    // after construction.
    private final @Nullable VersionVector seen;
    private final long @Nullable [] prefixes;

    /** A buffered change {@code dot} that needs {@code missing}. */
    public Buffered(Dot dot, String missing) {
      this.dot = Objects.requireNonNull(dot, "dot");
      this.missing = Objects.requireNonNull(missing, "missing");
      this.seen = null;
      this.prefixes = null;
    }

    /** The text built later from {@code seen} and the delivered {@code prefixes} of its entries. */
    Buffered(Dot dot, VersionVector seen, long[] prefixes) {
      this.dot = dot;
      this.seen = seen;
      this.prefixes = prefixes;
    }

    @Override
    public Dot dot() {
      return dot;
    }

    /** The dots the change still needed when offered, as ranges per replica. */
    public String missing() {
      String text = missing;
      if (text == null) {
        text = MissingText.of(Objects.requireNonNull(seen), Objects.requireNonNull(prefixes));
        missing = text;
      }
      return text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Buffered b && dot.equals(b.dot) && missing().equals(b.missing());
    }

    @Override
    public int hashCode() {
      return 31 * dot.hashCode() + missing().hashCode();
    }

    @Override
    public String toString() {
      return "Buffered[dot=" + dot + ", missing=" + missing() + "]";
    }
  }

  /** The change was refused and not applied; {@code reason} says why. */
  record Rejected(Dot dot, String reason) implements ApplyResult {}
}

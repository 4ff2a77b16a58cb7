package dev.entente.impl.schema;

import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Write;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * One write translated to a reader's schema version: the register it lands in ({@code key}, and
 * {@code part} 0 or 1 when it is half of a joined key, {@link #WHOLE} otherwise), its value (null
 * for a delete), and where it stands in the last-writer-wins order (its change, then its position
 * among the change's translated writes). Immutable.
 */
public record Landed(
    Key key, int part, @Nullable String value, String separator, Change change, int position) {
  /** The part of a write to a whole register. */
  public static final int WHOLE = -1;

  /** The LWW order: the change's order, then the position inside it. */
  public static final Comparator<Landed> ORDER =
      Comparator.comparing(Landed::change, Write.CHANGE_ORDER).thenComparingInt(Landed::position);

  /** The same write landed in another register. */
  public Landed at(Key k, int p, @Nullable String v, String sep) {
    return new Landed(k, p, v, sep, change, position);
  }

  /** The register's identity, {@code key} and part. */
  public String register() {
    return key.value() + "#" + part;
  }
}

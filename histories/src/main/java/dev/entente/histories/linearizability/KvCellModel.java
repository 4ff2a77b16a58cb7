package dev.entente.histories.linearizability;

import dev.entente.model.check.Models;
import dev.entente.model.check.Operation;
import dev.entente.model.check.SequentialModel;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model's {@code kv} map restricted to one key, for searching that key's partition: the state
 * is the key's string, or absent until the first write, instead of a whole map copied on every
 * write. It is the same sequential object: a state here is equal to another exactly when the
 * oracle's one-key maps are, and it is described as that map, so a search over it explores the same
 * configurations and words its explanation the same way. Anything the fast path does not expect (a
 * malformed value) goes to the oracle's own model, which raises the oracle's error. Immutable.
 */
final class KvCellModel implements SequentialModel<KvCellModel.Cell> {
  /**
   * The key's value; {@code value} null while the key has never been written. The value is a {@link
   * KvText}, so an append step costs the appended text, not a copy of the whole value.
   */
  record Cell(@Nullable KvText value) {}

  private static final Cell ABSENT = new Cell(null);

  @SuppressWarnings("unchecked")
  private static final SequentialModel<Map<Object, String>> ORACLE =
      (SequentialModel<Map<Object, String>>) Models.kv();

  private final Object key;

  private KvCellModel(Object key) {
    this.key = key;
  }

  /**
   * The one-key model for partition {@code key} of {@code model}, or null if {@code model} is not
   * the oracle's kv map (or the key is null).
   */
  static @Nullable SequentialModel<?> forPartition(SequentialModel<?> model, @Nullable Object key) {
    return key != null && model.getClass() == ORACLE.getClass() ? new KvCellModel(key) : null;
  }

  @Override
  public String name() {
    return ORACLE.name();
  }

  @Override
  public Cell initialState() {
    return ABSENT;
  }

  @Override
  public List<Cell> step(Cell state, Operation op) {
    if (!(op.input() instanceof List<?> in) || in.size() != 2) {
      return viaOracle(state, op);
    }
    KvText value = state.value();
    KvText current = value == null ? KvText.EMPTY : value;
    switch (op.fName()) {
      case "get":
        if (op.outcome() != Operation.Outcome.OK) {
          return List.of(state);
        }
        if (!(op.output() instanceof List<?> out) || out.size() != 2) {
          return viaOracle(state, op);
        }
        Object read = out.get(1);
        boolean same =
            read == null
                ? current.length() == 0
                : read instanceof String s && current.contentEquals(s);
        return same ? List.of(state) : List.of();
      case "put":
        return List.of(new Cell(KvText.of(text(in.get(1)))));
      case "append":
        return List.of(new Cell(current.append(text(in.get(1)))));
      default:
        return viaOracle(state, op);
    }
  }

  @Override
  public boolean isReadOnly(Operation op) {
    return ORACLE.isReadOnly(op);
  }

  @Override
  public @Nullable Object partitionKey(Operation op) {
    return ORACLE.partitionKey(op);
  }

  @Override
  public String describe(Cell state) {
    return ORACLE.describe(asMap(state));
  }

  private Map<Object, String> asMap(Cell state) {
    KvText value = state.value();
    return value == null ? Map.of() : Map.of(key, value.toString());
  }

  /** The oracle's answer, as cells: for the inputs this class does not read itself. */
  private List<Cell> viaOracle(Cell state, Operation op) {
    return ORACLE.step(asMap(state), op).stream()
        .map(m -> m.containsKey(key) ? cellOf(m.get(key)) : ABSENT)
        .toList();
  }

  private static Cell cellOf(@Nullable String value) {
    return new Cell(value == null ? null : KvText.of(value));
  }

  private static String text(@Nullable Object v) {
    return v == null ? "" : String.valueOf(v);
  }
}

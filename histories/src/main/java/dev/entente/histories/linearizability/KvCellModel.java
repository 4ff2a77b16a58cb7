package dev.entente.histories.linearizability;

import dev.entente.model.check.Models;
import dev.entente.model.check.Operation;
import dev.entente.model.check.SequentialModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model's {@code kv} map restricted to one key, for searching that key's partition: the state
 * is the key's string, or absent until the first write, instead of a whole map copied on every
 * write. It is the same sequential object: a state here is equal to another exactly when the
 * oracle's one-key maps are, and it is described as that map, so a search over it explores the same
 * configurations and words its explanation the same way. Anything the fast path does not expect (a
 * malformed value) goes to the oracle's own model, which raises the oracle's error. What each
 * operation does (its kind, a read's value, a put's successor, an append's hashed tail) is worked
 * out on its first step and kept by operation id, so a step costs a lookup, not a parse. Not
 * thread-safe: each search has its own instance (see {@link #forPartition}).
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

  // Operation ids are dense within a partition; a larger id is simply not kept.
  private static final int MAX_PREPARED = 1 << 20;

  private static final KvText.Tail NO_TAIL = new KvText.Tail("");

  private final Object key;
  private Prepared[] byId = new Prepared[0];

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
    Prepared p = prepared(op);
    return switch (p.kind) {
      case UNCHANGED -> List.of(state);
      case READ -> reads(state, p.read) ? List.of(state) : List.of();
      case PUT -> p.put;
      case APPEND -> List.of(new Cell(textOf(state).append(p.tail)));
      case ORACLE -> viaOracle(state, op);
    };
  }

  /** True if a read of the key that saw {@code read} fits {@code state}. */
  private static boolean reads(Cell state, @Nullable Object read) {
    KvText current = textOf(state);
    return read == null
        ? current.length() == 0
        : read instanceof String s && current.contentEquals(s);
  }

  private static KvText textOf(Cell state) {
    KvText value = state.value();
    return value == null ? KvText.EMPTY : value;
  }

  /** What {@code op} does, worked out on its first step and kept by its id. */
  @SuppressWarnings("ReferenceEquality") // The very operation it was kept for; equals is deep.
  private Prepared prepared(Operation op) {
    int id = op.id();
    Prepared known = id < byId.length ? byId[id] : null;
    if (known != null && known.op == op) {
      return known;
    }
    Prepared p = prepare(op);
    if (id < MAX_PREPARED) {
      if (id >= byId.length) {
        byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
      }
      byId[id] = p;
    }
    return p;
  }

  private static Prepared prepare(Operation op) {
    if (!(op.input() instanceof List<?> in) || in.size() != 2) {
      return new Prepared(op, Kind.ORACLE, null, List.of(), NO_TAIL);
    }
    switch (op.fName()) {
      case "get":
        if (op.outcome() != Operation.Outcome.OK) {
          return new Prepared(op, Kind.UNCHANGED, null, List.of(), NO_TAIL);
        }
        if (!(op.output() instanceof List<?> out) || out.size() != 2) {
          return new Prepared(op, Kind.ORACLE, null, List.of(), NO_TAIL);
        }
        return new Prepared(op, Kind.READ, out.get(1), List.of(), NO_TAIL);
      case "put":
        List<Cell> put = List.of(new Cell(KvText.of(text(in.get(1)))));
        return new Prepared(op, Kind.PUT, null, put, NO_TAIL);
      case "append":
        return new Prepared(op, Kind.APPEND, null, List.of(), new KvText.Tail(text(in.get(1))));
      default:
        return new Prepared(op, Kind.ORACLE, null, List.of(), NO_TAIL);
    }
  }

  private enum Kind {
    UNCHANGED,
    READ,
    PUT,
    APPEND,
    ORACLE
  }

  /**
   * One operation's effect: a read's value, a put's one successor (the same list every time), an
   * append's tail; {@code op} confirms that an id still names the operation it was kept for.
   */
  private record Prepared(
      Operation op, Kind kind, @Nullable Object read, List<Cell> put, KvText.Tail tail) {}

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

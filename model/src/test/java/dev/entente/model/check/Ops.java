package dev.entente.model.check;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import java.util.ArrayList;
import java.util.List;

/** Builds small Jepsen histories for checker tests: one call per op, indices in call order. */
final class Ops {
  private final List<HistoryOp> ops = new ArrayList<>();

  Ops invoke(long process, String f, Object value) {
    return add(OpType.INVOKE, process, f, value);
  }

  Ops ok(long process, String f, Object value) {
    return add(OpType.OK, process, f, value);
  }

  Ops fail(long process, String f, Object value) {
    return add(OpType.FAIL, process, f, value);
  }

  Ops info(long process, String f, Object value) {
    return add(OpType.INFO, process, f, value);
  }

  /** An invocation immediately followed by its ok completion. */
  Ops call(long process, String f, Object in, Object out) {
    return invoke(process, f, in).ok(process, f, out);
  }

  Ops nemesis(String f) {
    return add(OpType.INFO, HistoryOp.NEMESIS, f, null);
  }

  History history() {
    return new History(ops);
  }

  private Ops add(OpType type, long process, String f, Object value) {
    ops.add(new HistoryOp(ops.size(), type, process, Keyword.of(f), value, -1, null));
    return this;
  }

  static List<Object> list(Object... xs) {
    return java.util.Arrays.asList(xs);
  }

  static Keyword kw(String name) {
    return Keyword.of(name);
  }
}

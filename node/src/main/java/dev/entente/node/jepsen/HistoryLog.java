package dev.entente.node.jepsen;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import dev.entente.node.RealTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The run's history as the clients and the nemesis make it, in real-time order: each op is indexed
 * when it is added, {@code :time} is nanoseconds since the run began. Thread-safe (the clients and
 * the nemesis share it).
 */
final class HistoryLog {
  private final long startNanos;
  private final List<HistoryOp> ops = new ArrayList<>();

  HistoryLog() {
    this.startNanos = RealTime.nanos();
  }

  /** Nanoseconds since the run began. */
  long now() {
    return RealTime.nanos() - startNanos;
  }

  synchronized HistoryOp add(
      OpType type, long process, Keyword f, @Nullable Object value, @Nullable Object error) {
    HistoryOp op = new HistoryOp(ops.size(), type, process, f, value, now(), error);
    ops.add(op);
    return op;
  }

  /** A nemesis event, as Jepsen records it: {@code :info} from process {@code :nemesis}. */
  void nemesis(String f, Object value) {
    add(OpType.INFO, HistoryOp.NEMESIS, Keyword.of(f), value, null);
  }

  synchronized History history() {
    return new History(ops);
  }
}

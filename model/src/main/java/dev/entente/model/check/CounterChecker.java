package dev.entente.model.check;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Jepsen's counter checker ({@code jepsen.checker/counter}): clients {@code :add} deltas and {@code
 * :read} the counter. Each read must lie between the sum of the adds acknowledged before the read
 * was invoked and the sum of the adds attempted before it completed; failed adds never happened. A
 * negative delta widens the bounds the other way (it lowers the lower bound when attempted, the
 * upper bound when acknowledged). VALID iff every read is within its bounds. Stateless and
 * thread-safe.
 */
public final class CounterChecker implements Checker<History> {
  private static final int SHOWN = 5;

  @Override
  public CheckResult check(History history) {
    try {
      return checkOrThrow(history);
    } catch (IllegalArgumentException e) {
      return CheckResult.unknown(
          "counter", Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  private static CheckResult checkOrThrow(History history) {
    List<HistoryOp> ops = withoutFailed(history.clientOps());
    long lower = 0;
    long upper = 0;
    Map<Long, Long> pendingLower = new HashMap<>();
    List<String> errors = new ArrayList<>();
    int reads = 0;
    for (HistoryOp op : ops) {
      String f = op.f().name();
      if (f.equals("add") && (op.type() == OpType.INVOKE || op.type() == OpType.OK)) {
        long delta = delta(op);
        boolean invoke = op.type() == OpType.INVOKE;
        if ((delta >= 0) == invoke) {
          upper += delta;
        } else {
          lower += delta;
        }
      } else if (f.equals("read") && op.type() == OpType.INVOKE) {
        pendingLower.put(op.process(), lower);
      } else if (f.equals("read") && op.type() == OpType.OK) {
        Long low = pendingLower.remove(op.process());
        long value = delta(op);
        reads++;
        long from = low == null ? lower : low;
        if (value < from || value > upper) {
          errors.add(
              "read "
                  + value
                  + " at index "
                  + op.index()
                  + " outside ["
                  + from
                  + ", "
                  + upper
                  + "]");
        }
      }
    }
    String summary = reads + " reads, " + errors.size() + " out of bounds";
    if (errors.isEmpty()) {
      return CheckResult.valid(
          "counter", summary + "; final bounds [" + lower + ", " + upper + "]");
    }
    List<String> shown = errors.subList(0, Math.min(SHOWN, errors.size()));
    return CheckResult.invalid(
        "counter",
        summary + ": " + String.join("; ", shown) + (errors.size() > SHOWN ? "; ..." : ""));
  }

  /** Drops failed operations, invocation and completion both (they never happened). */
  private static List<HistoryOp> withoutFailed(List<HistoryOp> ops) {
    Map<Long, Integer> openAt = new HashMap<>();
    boolean[] drop = new boolean[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      HistoryOp op = ops.get(i);
      if (op.type() == OpType.INVOKE) {
        openAt.put(op.process(), i);
        continue;
      }
      Integer invoke = openAt.remove(op.process());
      if (op.type() == OpType.FAIL) {
        drop[i] = true;
        if (invoke != null) {
          drop[invoke] = true;
        }
      }
    }
    List<HistoryOp> out = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      if (!drop[i]) {
        out.add(ops.get(i));
      }
    }
    return out;
  }

  private static long delta(HistoryOp op) {
    if (op.value() instanceof Long || op.value() instanceof Integer) {
      return ((Number) op.value()).longValue();
    }
    throw new IllegalArgumentException(
        "counter op at index "
            + op.index()
            + " has a non-integer value "
            + Values.print(op.value()));
  }
}

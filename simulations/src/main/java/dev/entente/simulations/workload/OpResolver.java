package dev.entente.simulations.workload;

import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Turns a write intent into ops, against the view the client reads now. Every put gets a value no
 * other write in the run has: {@code <tag>-<n>} for key-value writes (n = position in the change)
 * and {@code <minute>@<tag>-<n>} for the calendar, where the tag is {@code <replica>-<seq>} (or
 * {@code <client>-<request>} under the sequencer), so a checker can map a value back to its write.
 * Stateless.
 */
public final class OpResolver {
  private OpResolver() {}

  /** The ops of {@code op} (never a read), resolved against {@code view}. */
  public static List<Op> resolve(ClientOp op, MaterialisedMap view, String tag) {
    return resolve(op, () -> view, tag);
  }

  /**
   * The ops of {@code op} (never a read), resolved against the view {@code view} supplies; it is
   * asked for only by the ops that read it (a calendar adjust), so other writes build no view.
   */
  public static List<Op> resolve(ClientOp op, Supplier<MaterialisedMap> view, String tag) {
    if (op instanceof ClientOp.Write w) {
      List<Op> ops = new ArrayList<>();
      for (ClientOp.KeyWrite kw : w.writes()) {
        Key key = Key.of(kw.key());
        ops.add(
            kw.delete() ? new Op.Delete(key) : new Op.Put(key, Value.of(tag + "-" + ops.size())));
      }
      return ops;
    }
    if (op instanceof ClientOp.CalendarMove m) {
      return move(m.event(), m.start(), m.length(), tag);
    }
    if (op instanceof ClientOp.CalendarCancel c) {
      return List.of(
          new Op.Delete(Calendar.start(c.event())), new Op.Delete(Calendar.end(c.event())));
    }
    if (op instanceof ClientOp.CalendarAdjust a) {
      return adjust(a, view.get(), tag);
    }
    throw new IllegalArgumentException("not a write: " + op.describe());
  }

  private static List<Op> move(int event, long start, long length, String tag) {
    return List.of(
        new Op.Put(Calendar.start(event), Calendar.value(start, tag + "-0")),
        new Op.Put(Calendar.end(event), Calendar.value(start + length, tag + "-1")));
  }

  private static List<Op> adjust(ClientOp.CalendarAdjust a, MaterialisedMap view, String tag) {
    OptionalLong minEnd = bound(view.get(Calendar.end(a.event())), true);
    OptionalLong maxStart = bound(view.get(Calendar.start(a.event())), false);
    if (minEnd.isEmpty() || maxStart.isEmpty() || minEnd.getAsLong() < 1) {
      // Nothing consistent to adjust against: (re)create the event instead.
      Coverage.mark(SimMark.WORKLOAD_ADJUST_RECREATES);
      return move(a.event(), a.amount() % (Calendar.DAY_MINUTES - 120), 30, tag);
    }
    if (a.start()) {
      long room = Math.min(minEnd.getAsLong(), 120);
      long start = minEnd.getAsLong() - 1 - a.amount() % room;
      return List.of(new Op.Put(Calendar.start(a.event()), Calendar.value(start, tag + "-0")));
    }
    long end = maxStart.getAsLong() + 1 + a.amount() % 120;
    return List.of(new Op.Put(Calendar.end(a.event()), Calendar.value(end, tag + "-0")));
  }

  /** The smallest (or largest) minute among the values, or empty if any is not a calendar value. */
  private static OptionalLong bound(List<Value> values, boolean min) {
    if (values.isEmpty()) {
      return OptionalLong.empty();
    }
    if (values.size() > 1) {
      Coverage.mark(SimMark.WORKLOAD_ADJUST_AGAINST_SIBLINGS);
    }
    long best = min ? Long.MAX_VALUE : Long.MIN_VALUE;
    for (Value v : values) {
      OptionalLong m = Calendar.minute(v);
      if (m.isEmpty()) {
        return OptionalLong.empty();
      }
      best = min ? Math.min(best, m.getAsLong()) : Math.max(best, m.getAsLong());
    }
    return OptionalLong.of(best);
  }
}

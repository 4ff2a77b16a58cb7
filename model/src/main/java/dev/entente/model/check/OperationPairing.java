package dev.entente.model.check;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a history into the operations a linearizability search works on, following knossos's {@code
 * history/complete}: nemesis events are ignored; an invocation pairs with the next completion of
 * the same process; {@code :fail} means the operation never happened (both halves dropped) unless
 * the model observes failures; {@code :info} and a missing completion mean the outcome is unknown.
 * A process that invokes again while an operation is still open (Jepsen gives crashed processes new
 * ids, but not every recorder does) leaves that operation indeterminate. Completions without an
 * invocation are reported as problems. Stateless.
 *
 * <p>Public so that checkers outside this package (the parallel checker in {@code histories}) pair
 * operations exactly as the oracle does.
 */
public final class OperationPairing {
  private OperationPairing() {}

  /** The paired operations, in invocation order, and the problems found. */
  public record Paired(List<Operation> operations, List<String> problems) {}

  public static Paired pair(History history, SequentialModel<?> model) {
    List<Operation> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<Long, HistoryOp> open = new LinkedHashMap<>();
    // Slots keep invocation order: an operation's slot is reserved when it is invoked.
    List<Operation> slots = new ArrayList<>();
    Map<Long, Integer> slotOf = new LinkedHashMap<>();
    for (HistoryOp op : history.ops()) {
      if (op.isNemesis()) {
        continue;
      }
      if (op.type() == OpType.INVOKE) {
        HistoryOp previous = open.put(op.process(), op);
        if (previous != null) {
          slots.set(slot(slotOf, op.process()), indeterminate(previous, null));
        }
        slotOf.put(op.process(), slots.size());
        slots.add(null);
        continue;
      }
      HistoryOp invocation = open.remove(op.process());
      if (invocation == null) {
        problems.add(
            "completion at index "
                + op.index()
                + " (process "
                + op.process()
                + " "
                + op.f()
                + ") has no invocation");
        continue;
      }
      if (!invocation.f().equals(op.f())) {
        problems.add(
            "completion at index "
                + op.index()
                + " has :f "
                + op.f()
                + " but its invocation at index "
                + invocation.index()
                + " has "
                + invocation.f());
      }
      slots.set(slot(slotOf, op.process()), complete(invocation, op, model));
      slotOf.remove(op.process());
    }
    open.forEach(
        (process, invocation) -> slots.set(slot(slotOf, process), indeterminate(invocation, null)));
    for (Operation o : slots) {
      if (o != null) {
        out.add(o.withId(out.size()));
      }
    }
    return new Paired(List.copyOf(out), List.copyOf(problems));
  }

  /** The slot reserved for {@code process}'s open invocation; every open one has a slot. */
  private static int slot(Map<Long, Integer> slotOf, long process) {
    Integer slot = slotOf.get(process);
    if (slot == null) {
      throw new IllegalStateException("no slot reserved for process " + process);
    }
    return slot;
  }

  private static @Nullable Operation complete(
      HistoryOp invocation, HistoryOp completion, SequentialModel<?> model) {
    return switch (completion.type()) {
      case OK ->
          new Operation(
              0,
              invocation.process(),
              invocation.f(),
              invocation.value(),
              completion.value(),
              Operation.Outcome.OK,
              invocation,
              completion);
      case INFO -> indeterminate(invocation, completion);
      case FAIL -> {
        Operation failed =
            new Operation(
                0,
                invocation.process(),
                invocation.f(),
                invocation.value(),
                completion.value(),
                Operation.Outcome.FAIL,
                invocation,
                completion);
        yield model.observesFailure(failed) ? failed : null;
      }
      case INVOKE -> throw new IllegalStateException("an invocation is not a completion");
    };
  }

  private static Operation indeterminate(HistoryOp invocation, @Nullable HistoryOp completion) {
    return new Operation(
        0,
        invocation.process(),
        invocation.f(),
        invocation.value(),
        null,
        Operation.Outcome.INFO,
        invocation,
        completion);
  }
}

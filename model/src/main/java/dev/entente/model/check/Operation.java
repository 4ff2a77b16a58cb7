package dev.entente.model.check;

import dev.entente.model.Check;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import org.jspecify.annotations.Nullable;

/**
 * One client operation of a history, paired from its invocation and completion, as a {@link
 * SequentialModel} sees it. Immutable.
 *
 * <p>{@code input} is the invocation's value; {@code output} the completion's value for {@link
 * Outcome#OK} and {@link Outcome#FAIL}, and null for {@link Outcome#INFO} (unknown). {@code
 * completion} is null when the history ends before the operation completes. {@code id} is the
 * operation's position in the list the checker built (dense, from 0).
 */
public record Operation(
    int id,
    long process,
    Keyword f,
    @Nullable Object input,
    @Nullable Object output,
    Outcome outcome,
    HistoryOp invocation,
    @Nullable HistoryOp completion) {

  /** How an operation ended. */
  public enum Outcome {
    /** It happened, with {@code output}. */
    OK,
    /**
     * It completed with a failure that the model observes (for example a compare-and-set whose
     * compare failed); only models that ask for it through {@link SequentialModel#observesFailure}
     * ever see one. Other failed operations never happened and are dropped before any model sees
     * them.
     */
    FAIL,
    /** Indeterminate: it may have taken effect at any point after its invocation, or never. */
    INFO
  }

  /** Validates the invariants. */
  public Operation {
    Check.argument(id >= 0, "operation id must be >= 0, was %d", id);
    Check.argument(f != null, "operation %d has no :f", id);
    Check.argument(outcome != null, "operation %d has no outcome", id);
    Check.argument(invocation != null, "operation %d has no invocation", id);
  }

  /** The f's name, without the colon ({@code "read"} for {@code :read}). */
  public String fName() {
    return f.name();
  }

  /** A copy with another id. */
  public Operation withId(int newId) {
    return new Operation(newId, process, f, input, output, outcome, invocation, completion);
  }

  /** A short description: process, f, values and the history indices of both halves. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append("process ").append(process).append(' ').append(f).append(' ');
    s.append(Values.print(outcome == Outcome.OK ? output : input));
    s.append(" (").append(outcome.name().toLowerCase(java.util.Locale.ROOT));
    s.append(", invoked at index ").append(invocation.index());
    if (completion != null) {
      s.append(", completed at index ").append(completion.index());
    } else {
      s.append(", never completed");
    }
    return s.append(')').toString();
  }
}

package dev.entente.model.check;

import dev.entente.model.Check;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * How much work a search may do before it answers UNKNOWN instead: at most {@code maxSteps} model
 * steps, and (when {@code clock} is non-null) no work after {@code clock} reads {@code
 * deadlineNanos} or later. The clock is injected (the command line passes {@code System::nanoTime})
 * so that checkers stay deterministic under test. Immutable; the clock must be thread-safe if the
 * budget is shared.
 */
public record SearchBudget(long maxSteps, @Nullable LongSupplier clock, long deadlineNanos) {
  /** The default step limit: a few seconds of search and well under a gigabyte of memo. */
  public static final long DEFAULT_MAX_STEPS = 5_000_000;

  /** Validates. */
  public SearchBudget {
    Check.argument(maxSteps > 0, "maxSteps must be > 0, was %d", maxSteps);
  }

  /** A step limit only. */
  public static SearchBudget steps(long maxSteps) {
    return new SearchBudget(maxSteps, null, 0);
  }

  /** The default step limit, no deadline. */
  public static SearchBudget defaults() {
    return steps(DEFAULT_MAX_STEPS);
  }

  /** This budget with a deadline {@code timeoutNanos} after {@code clock}'s current reading. */
  public SearchBudget withTimeout(LongSupplier clock, long timeoutNanos) {
    Check.argument(clock != null, "clock must not be null");
    Check.argument(timeoutNanos > 0, "timeout must be > 0 ns, was %d", timeoutNanos);
    return new SearchBudget(maxSteps, clock, clock.getAsLong() + timeoutNanos);
  }

  /** True once the deadline (if any) has passed. */
  boolean pastDeadline() {
    return clock != null && clock.getAsLong() - deadlineNanos >= 0;
  }
}

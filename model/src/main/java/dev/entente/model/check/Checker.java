package dev.entente.model.check;

/**
 * A pure function from an input (a history, a set of replica observations) to a {@link
 * CheckResult}. Implementations must not throw: {@link #safely} turns a crash into UNKNOWN so that
 * one broken checker never takes a run down (Jepsen's {@code check-safe}).
 */
@FunctionalInterface
public interface Checker<T> {
  /** Judges {@code input}. */
  CheckResult check(T input);

  /** Runs {@code checker}, converting any exception into an UNKNOWN result that names it. */
  static <T> CheckResult safely(String name, Checker<T> checker, T input) {
    try {
      return checker.check(input);
    } catch (RuntimeException | StackOverflowError e) {
      return CheckResult.unknown(name, "checker crashed: " + e);
    }
  }
}

package dev.entente.model.check;

import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of running one checker: a verdict, the checker's name, and an explanation a person
 * can act on (for INVALID: the failing op and the states considered; for UNKNOWN: why the checker
 * gave up). Composite results keep their parts. Immutable.
 */
public record CheckResult(
    String checker, Verdict verdict, String explanation, List<CheckResult> parts) {
  /** Validates and copies. */
  public CheckResult {
    Check.argument(checker != null && !checker.isEmpty(), "checker name must not be empty");
    Check.argument(verdict != null, "verdict must not be null");
    Check.argument(explanation != null, "explanation must not be null");
    parts = List.copyOf(parts);
  }

  /** A valid result. */
  public static CheckResult valid(String checker, String explanation) {
    return new CheckResult(checker, Verdict.VALID, explanation, List.of());
  }

  /** An invalid result. */
  public static CheckResult invalid(String checker, String explanation) {
    return new CheckResult(checker, Verdict.INVALID, explanation, List.of());
  }

  /** An unknown result (the checker gave up or crashed). */
  public static CheckResult unknown(String checker, String explanation) {
    return new CheckResult(checker, Verdict.UNKNOWN, explanation, List.of());
  }

  /**
   * Composes results: the verdict is the most severe part's; the explanation lists the parts that
   * are not valid.
   */
  public static CheckResult all(String checker, List<CheckResult> parts) {
    Verdict v = Verdict.VALID;
    List<String> bad = new ArrayList<>();
    for (CheckResult p : parts) {
      v = v.and(p.verdict());
      if (p.verdict() != Verdict.VALID) {
        bad.add(p.checker() + ": " + p.verdict() + ": " + p.explanation());
      }
    }
    String explanation = bad.isEmpty() ? parts.size() + " checks valid" : String.join("; ", bad);
    return new CheckResult(checker, v, explanation, parts);
  }

  /** True if the verdict is VALID. */
  public boolean isValid() {
    return verdict == Verdict.VALID;
  }
}

package dev.entente.reports;

import java.util.List;

/**
 * A result document that is not JSON or does not follow {@code reports/SCHEMA.md}. Each problem
 * names the field's path in the document ({@code sections[0].tables[1].rows[2][3]}) and what is
 * wrong with it; all problems found are reported at once, in document order.
 */
public final class InvalidReportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The problems, each {@code "path: what is wrong"}; unmodifiable, never empty. */
  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param source where the document came from, e.g. its file name
   * @param problems at least one problem, each {@code "path: what is wrong"}
   */
  public InvalidReportException(String source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each {@code "path: what is wrong"}, in document order. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid report needs at least one problem");
    }
    String noun = problems.size() == 1 ? " problem" : " problems";
    return source
        + " is not a valid report document ("
        + problems.size()
        + noun
        + "):\n  "
        + String.join("\n  ", problems);
  }
}

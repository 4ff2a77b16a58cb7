package dev.entente.peers.conform;

import dev.entente.peers.launch.PeerSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code entente conform}: runs the fixed, versioned list of {@link Scenario}s against a peer and
 * prints a pass or fail table, then one {@code FAILED ... | replay: COMMAND} line per failure. A
 * peer that hangs, crashes or writes a malformed line fails that scenario with the line; the suite
 * goes on with the next.
 */
public final class ConformSuite {
  private static final int DETAIL_WIDTH = 110;

  private ConformSuite() {}

  /**
   * Runs the scenarios (all, or only {@code only}) against {@code peer}, printing the table to
   * {@code out}.
   *
   * @return 0 if every scenario passed, 1 if one failed, 2 (the reason on {@code err}) for an
   *     unknown peer or scenario or Node peers that are not installed
   */
  public static int run(String peer, @Nullable String only, PrintStream out, PrintStream err) {
    PeerSpec spec;
    List<ConformRow> rows;
    try {
      spec = PeerSpec.parse(peer);
      rows = rows(spec, only);
    } catch (IllegalArgumentException e) {
      err.println("entente conform: " + e.getMessage());
      return 2;
    }
    print(spec, rows, out);
    return rows.stream().allMatch(ConformRow::passed) ? 0 : 1;
  }

  /** The rows of every scenario (or only {@code only}) against {@code spec}. */
  public static List<ConformRow> rows(PeerSpec spec, @Nullable String only) {
    List<ConformRow> rows = new ArrayList<>();
    for (Scenario s : select(only)) {
      rows.add(ScenarioRun.run(s, spec));
    }
    return rows;
  }

  private static List<Scenario> select(@Nullable String only) {
    if (only == null) {
      return Scenario.all();
    }
    for (Scenario s : Scenario.all()) {
      if (s.name().equals(only)) {
        return List.of(s);
      }
    }
    List<String> names = Scenario.all().stream().map(Scenario::name).toList();
    throw new IllegalArgumentException("--scenario " + only + ": expected one of " + names);
  }

  /** Prints the table for {@code rows}. */
  public static void print(PeerSpec spec, List<ConformRow> rows, PrintStream out) {
    String implementation = rows.isEmpty() ? "unknown" : rows.get(0).implementation();
    out.println(
        "conform " + Scenario.SUITE_VERSION + " peer=" + spec.name() + " (" + implementation + ")");
    out.printf(Locale.ROOT, "%-26s %-6s %s%n", "scenario", "result", "detail");
    long failed = 0;
    for (ConformRow r : rows) {
      failed += r.passed() ? 0 : 1;
      out.printf(
          Locale.ROOT,
          "%-26s %-6s %s%n",
          r.scenario(),
          r.passed() ? "pass" : "FAIL",
          abbreviate(r.detail()));
    }
    out.printf(
        Locale.ROOT,
        "%d scenarios: %d passed, %d failed%n",
        rows.size(),
        rows.size() - failed,
        failed);
    for (ConformRow r : rows) {
      if (!r.passed()) {
        out.println(
            "FAILED "
                + r.scenario()
                + " | replay: ./entente conform "
                + spec.asArgument()
                + " --scenario "
                + r.scenario());
      }
    }
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= DETAIL_WIDTH ? one : one.substring(0, DETAIL_WIDTH - 3) + "...";
  }
}

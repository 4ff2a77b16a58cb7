package dev.entente.campaign.demo;

import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.Value;
import dev.entente.simulations.Overrides;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The second demonstration, the seed article's "impossible state": an event with {@code start=10
 * end=12} is synced to A and B; A moves it ({@code start=14 end=16}) while B concurrently shortens
 * it ({@code end=11}) later in time. Per-key LWW takes A's start and B's end, so every replica
 * converges on {@code start=14 end=11}, an event that ends before it starts. The causal group
 * policy resolves {@code event/42/} as a unit and shows one of the two edits entirely.
 */
final class ImpossibleStateDemo {
  private static final Key START = Key.of("event/42/start");
  private static final Key END = Key.of("event/42/end");
  private static final String ROW = "  %-7s %-6s %-7s %-10s %s%n";

  private final PrintStream out;

  ImpossibleStateDemo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the scenario under LWW, the causal group policy and MV and prints one table row each.
   * Returns true if every policy converged and LWW and the group policy showed what they should.
   */
  boolean run() {
    out.println("  t+1000  A: start=10 end=12, synced to B");
    out.println("  t+1100  A: start=14 end=16 (moves the event)");
    out.println("  t+1200  B: end=11 (shortens it: concurrent with the move, and later)");
    out.println("  then A and B sync both ways");
    out.printf(Locale.ROOT, ROW, "policy", "start", "end", "start<end", "verdict");
    boolean lww = row(RegisterPolicy.LWW);
    boolean group = row(RegisterPolicy.CAUSAL_GROUP);
    boolean mv = row(RegisterPolicy.MV);
    return lww && group && mv;
  }

  private boolean row(RegisterPolicy policy) {
    DemoCluster cluster = new DemoCluster(policy);
    cluster.add("A", 0);
    cluster.add("B", 40);
    cluster.at(1000);
    cluster.edit("A", Op.put(START.value(), "10"), Op.put(END.value(), "12"));
    cluster.sync("A", "B", false);
    cluster.at(1100);
    cluster.edit("A", Op.put(START.value(), "14"), Op.put(END.value(), "16"));
    cluster.at(1200);
    cluster.edit("B", Op.put(END.value(), "11"));
    cluster.sync("A", "B", false);
    cluster.sync("B", "A", false);
    MaterialisedMap map = cluster.map("A");
    String start = shown(map.get(START));
    String end = shown(map.get(END));
    String verdict = verdict(policy, start, end);
    List<String> problems = cluster.convergenceProblems();
    boolean ok = problems.isEmpty() && !verdict.startsWith("UNEXPECTED");
    out.printf(
        Locale.ROOT, ROW, Overrides.policyName(policy), start, end, ordered(start, end), verdict);
    problems.forEach(p -> out.println("    NOT CONVERGED: " + p));
    return ok;
  }

  private static String verdict(RegisterPolicy policy, String start, String end) {
    Map<String, String> expected =
        switch (policy) {
          case LWW -> Map.of("14 11", "impossible: A's start with B's end");
          case CAUSAL_GROUP ->
              Map.of("10 11", "B's edit entirely; A's move is lost", "14 16", "A's edit entirely");
          case MV -> Map.of("14 11|16", "end has siblings; the app must choose");
        };
    return expected.getOrDefault(
        start + " " + end, "UNEXPECTED for " + Overrides.policyName(policy));
  }

  private static String ordered(String start, String end) {
    if (!start.matches("[0-9]+") || !end.matches("[0-9]+")) {
      return "-";
    }
    return Integer.parseInt(start) < Integer.parseInt(end) ? "yes" : "NO";
  }

  /** A key's values joined by '|', or "absent". */
  private static String shown(List<Value> values) {
    return values.isEmpty()
        ? "absent"
        : values.stream().map(Value::value).collect(Collectors.joining("|"));
  }
}

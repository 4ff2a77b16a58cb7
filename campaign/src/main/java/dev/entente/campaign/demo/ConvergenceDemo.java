package dev.entente.campaign.demo;

import dev.entente.model.Change;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.Overrides;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The first demonstration: three replicas edit offline, sync pairwise in a fixed but scrambled
 * pattern (newest first, every change twice), and must end with equal maps, equal to the oracle's.
 * The script is the same for every policy; only the resolution differs.
 */
final class ConvergenceDemo {
  private final PrintStream out;
  private final BiFunction<MaterialisedMap, RegisterPolicy, String> json;

  ConvergenceDemo(PrintStream out, BiFunction<MaterialisedMap, RegisterPolicy, String> json) {
    this.out = out;
    this.json = json;
  }

  /**
   * Runs the script under {@code policy}, narrating the edits and syncs if {@code narrate}, then
   * prints the maps and the verdict. Returns true if the replicas converged.
   */
  boolean run(RegisterPolicy policy, boolean narrate) {
    DemoCluster cluster = new DemoCluster(policy);
    cluster.add("A", 0);
    cluster.add("B", 40);
    cluster.add("C", -25);
    List<String> script = new ArrayList<>();
    cluster.at(100);
    edit(script, cluster, "A", Op.put("doc/title", "Groceries"), Op.put("doc/owner", "ann"));
    cluster.at(200);
    edit(script, cluster, "B", Op.put("doc/title", "Shopping"));
    cluster.at(300);
    edit(script, cluster, "C", Op.put("note", "milk"));
    cluster.at(400);
    edit(script, cluster, "A", Op.put("note", "eggs"));
    cluster.at(500);
    sync(script, cluster, "A", "B", true);
    cluster.at(600);
    edit(script, cluster, "B", Op.delete("note"));
    cluster.at(700);
    edit(script, cluster, "C", Op.put("doc/owner", "cy"));
    cluster.at(800);
    sync(script, cluster, "C", "A", true);
    sync(script, cluster, "B", "A", false);
    sync(script, cluster, "A", "C", true);
    sync(script, cluster, "C", "B", true);
    if (narrate) {
      script.forEach(out::println);
    }
    return report(policy, cluster);
  }

  private boolean report(RegisterPolicy policy, DemoCluster cluster) {
    out.println("  policy " + Overrides.policyName(policy) + ":");
    for (Map.Entry<String, MaterialisedMap> e : cluster.maps().entrySet()) {
      out.println("    " + e.getKey() + " " + json.apply(e.getValue(), policy));
    }
    if (policy == RegisterPolicy.CAUSAL_GROUP) {
      out.println("    (C:2 wins group doc/ and had seen neither title, so both are dropped)");
    }
    List<String> problems = cluster.convergenceProblems();
    if (problems.isEmpty()) {
      out.println("    converged: yes (maps equal, nothing pending, equal to the oracle)");
    } else {
      out.println("    converged: NO");
      problems.forEach(p -> out.println("      " + p));
    }
    return problems.isEmpty();
  }

  private static void edit(List<String> script, DemoCluster cluster, String id, Op... ops) {
    Change c = cluster.edit(id, ops);
    List<String> shown = new ArrayList<>();
    for (Op op : c.ops()) {
      shown.add(
          op instanceof Op.Put put ? "put " + put.key() + "=" + put.value() : "delete " + op.key());
    }
    script.add(
        "  "
            + c.dot()
            + " at "
            + DemoCluster.relative(c.timestamp())
            + ": "
            + String.join(", ", shown));
  }

  private static void sync(
      List<String> script, DemoCluster cluster, String from, String to, boolean newestFirst) {
    int sent = cluster.sync(from, to, newestFirst);
    script.add(
        "  sync "
            + from
            + " -> "
            + to
            + ": "
            + sent
            + " changes, "
            + (newestFirst ? "newest first" : "oldest first")
            + ", each sent twice");
  }
}

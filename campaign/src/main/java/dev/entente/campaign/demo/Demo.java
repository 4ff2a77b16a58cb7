package dev.entente.campaign.demo;

import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import java.io.PrintStream;
import java.util.function.BiFunction;

/**
 * The built-in demonstration behind {@code entente demo}, and its first line says so: convergence
 * under every policy ({@link ConvergenceDemo}) and the impossible state per-key LWW produces where
 * the causal group policy does not ({@link ImpossibleStateDemo}). Deterministic: all time is
 * simulated. Stateless.
 */
public final class Demo {
  private Demo() {}

  /**
   * Prints the demonstration to {@code out}, each replica's map as {@code json} writes it; true if
   * every replica converged and every policy resolved the conflict as its semantics say.
   */
  public static boolean run(
      PrintStream out, BiFunction<MaterialisedMap, RegisterPolicy, String> json) {
    out.println("entente demo: built-in demonstration (the campaign is entente run)");
    out.println();
    out.println(
        "1. Convergence: A, B, C edit offline, then sync in scrambled orders with duplicates");
    out.println("   (simulated time; B's clock runs 40 ms fast, C's 25 ms slow)");
    ConvergenceDemo convergence = new ConvergenceDemo(out, json);
    boolean converged = convergence.run(RegisterPolicy.LWW, true);
    converged &= convergence.run(RegisterPolicy.MV, false);
    converged &= convergence.run(RegisterPolicy.CAUSAL_GROUP, false);
    out.println();
    out.println("2. Impossible state: one event, two concurrent edits");
    boolean resolved = new ImpossibleStateDemo(out).run();
    out.println();
    boolean ok = converged && resolved;
    out.println(
        ok
            ? "PASSED: all replicas converged; per-key LWW showed start > end, groups did not"
            : "FAILED: see the lines marked NO, NOT CONVERGED or UNEXPECTED above");
    return ok;
  }
}

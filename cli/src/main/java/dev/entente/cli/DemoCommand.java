package dev.entente.cli;

import dev.entente.model.RegisterPolicy;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code entente demo}: a built-in demonstration, and its first line says so. It shows convergence
 * under every policy ({@link ConvergenceDemo}) and the impossible state per-key LWW produces where
 * the causal group policy does not ({@link ImpossibleStateDemo}). Output is deterministic: all time
 * is simulated.
 *
 * <p>Exit status 0 if every replica converged and every policy resolved the conflict as its
 * semantics say, else 1.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs the built-in convergence and impossible-state demonstration.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand private EntenteCommand parent;

  @Override
  public Integer call() {
    PrintStream out = parent.out();
    out.println("entente demo: built-in demonstration (the campaign is entente run)");
    out.println();
    out.println(
        "1. Convergence: A, B, C edit offline, then sync in scrambled orders with duplicates");
    out.println("   (simulated time; B's clock runs 40 ms fast, C's 25 ms slow)");
    ConvergenceDemo convergence = new ConvergenceDemo(out);
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
    return ok ? 0 : EntenteCommand.EXIT_FAILED;
  }
}

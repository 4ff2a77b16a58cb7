package dev.entente.cli;

import dev.entente.campaign.demo.Demo;
import dev.entente.histories.interchange.MaterialisedJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code entente demo}: the built-in demonstration ({@link Demo}).
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
    return Demo.run(parent.out(), MaterialisedJson::write) ? 0 : EntenteCommand.EXIT_FAILED;
  }
}

package dev.entente.cli;

import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.driver.MutantHunt;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code entente mutants}: lists the catalogue of deliberately broken variants, with the options
 * each one needs; with {@code --hunt}, runs every mutant over consecutive seeds of a profile and
 * reports the first failing seed and the checkers that caught it.
 *
 * <p>Exit status 0, or 1 if a hunted mutant survived its whole seed budget.
 */
@Command(
    name = "mutants",
    mixinStandardHelpOptions = true,
    description = "Lists the mutant catalogue; --hunt checks the simulator catches each one.")
final class MutantsCommand implements Callable<Integer> {
  @ParentCommand private EntenteCommand parent;

  @Option(names = "--hunt", description = "Run each mutant until a seed fails.")
  private boolean hunt;

  @Option(
      names = "--budget",
      defaultValue = "40",
      description = "Seeds each mutant may survive (default ${DEFAULT-VALUE}).")
  private int budget;

  @Option(
      names = "--profile",
      defaultValue = "default",
      description = "Profile to hunt with (default ${DEFAULT-VALUE}).")
  private String profile;

  @Override
  public Integer call() {
    PrintStream out = parent.out();
    if (!hunt) {
      out.printf(Locale.ROOT, "%-40s %-60s %s%n", "mutant", "breaks", "needs");
      for (Mutant m : Mutant.values()) {
        if (m != Mutant.NONE) {
          out.printf(
              Locale.ROOT,
              "%-40s %-60s%s%n",
              m.optionName(),
              m.description(),
              m.requirements(Overrides.NONE).asArguments());
        }
      }
      return 0;
    }
    Profile p = Profile.parse(profile);
    int survivors = 0;
    out.printf(Locale.ROOT, "%-40s %-8s %-6s %s%n", "mutant", "caught", "seed", "caught by");
    for (Mutant m : Mutant.values()) {
      if (m == Mutant.NONE) {
        continue;
      }
      MutantHunt.Catch c = MutantHunt.hunt(m, p, 1, budget);
      survivors += c.caught() ? 0 : 1;
      out.printf(
          Locale.ROOT,
          "%-40s %-8s %-6s %s%n",
          m.optionName(),
          c.caught() ? "yes" : "NO",
          c.caught() ? Long.toString(c.firstFailingSeed().getAsLong()) : ">" + budget,
          String.join(", ", c.caughtBy()));
    }
    out.println(
        survivors == 0
            ? "all mutants caught within " + budget + " seeds of profile " + p.optionName()
            : survivors + " mutants survived " + budget + " seeds");
    return survivors == 0 ? 0 : EntenteCommand.EXIT_FAILED;
  }
}

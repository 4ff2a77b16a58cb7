package dev.entente.cli;

import dev.entente.impl.sync.RbsrReconciler;
import dev.entente.impl.sync.ReconcileResult;
import dev.entente.impl.sync.ReconcileScenario;
import dev.entente.impl.sync.VersionVectorReconciler;
import dev.entente.impl.sync.rbsr.RbsrConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code entente reconcile --protocol rbsr|bloom|merkle|delta --items N --missing D [--both-sides]
 * [--poisoned K] [--seed S]}: builds two stores from the seed that share N items and differ by D,
 * runs the protocol between them to completion in memory, and prints one JSON line {@code
 * {"protocol":..,"items":N,"missing":D,"roundTrips":R,"bytes":B,"frames":F}}, where B counts every
 * protocol byte on the wire and leaves out the missing changes' own payloads. Scripts outside the
 * project drive this line: keep its keys and their order.
 *
 * <p>Without {@code --both-sides} the responder holds all D; with it the initiator holds half
 * (rounded down). Exit status 0 with the line; 2 for a usage error, including a protocol or an
 * option not implemented yet ({@code bloom}, {@code merkle}, {@code --poisoned}).
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = "Measures one set reconciliation in memory and prints it as a JSON line.")
final class ReconcileCommand implements Callable<Integer> {
  /** The protocols the option names; bloom and merkle are not implemented yet. */
  enum Protocol {
    rbsr,
    bloom,
    merkle,
    delta
  }

  @ParentCommand private EntenteCommand parent;

  @Option(names = "--protocol", required = true, description = "rbsr, bloom, merkle or delta.")
  private Protocol protocol;

  @Option(names = "--items", required = true, paramLabel = "N", description = "Shared items.")
  private int items;

  @Option(names = "--missing", required = true, paramLabel = "D", description = "Differing items.")
  private int missing;

  @Option(names = "--both-sides", description = "Split the differing items over both stores.")
  private boolean bothSides;

  @Option(names = "--poisoned", paramLabel = "K", description = "Mined ids (bloom only).")
  private Integer poisoned;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Default: 1.")
  private long seed;

  @Override
  public Integer call() {
    if (items < 0 || missing < 0) {
      return usage("--items and --missing must be >= 0");
    }
    if (protocol == Protocol.bloom || protocol == Protocol.merkle) {
      return usage("not implemented yet: " + protocol);
    }
    if (poisoned != null) {
      return usage("--poisoned applies to bloom, which is not implemented yet");
    }
    ReconcileResult result =
        switch (protocol) {
          case rbsr ->
              RbsrReconciler.run(
                  ReconcileScenario.build(items, missing, bothSides, seed),
                  RbsrConfig.DEFAULT,
                  seed);
          case delta -> VersionVectorReconciler.run(items, missing, bothSides);
          case bloom, merkle -> throw new IllegalStateException("handled above");
        };
    parent.out().println(result.toJson());
    return 0;
  }

  private int usage(String message) {
    parent.err().println("entente reconcile: " + message);
    return EntenteCommand.EXIT_USAGE;
  }
}

package dev.entente.cli;

import dev.entente.impl.sync.ReconcileProtocol;
import dev.entente.impl.sync.ReconcileRequest;
import dev.entente.impl.sync.ReconcileResult;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code entente reconcile --protocol rbsr|bloom|merkle|delta|iblt --items N --missing D
 * [--both-sides] [--poisoned K] [--keyed] [--seed S]}: builds two stores from the seed that share N
 * items and differ by D, runs the protocol between them to completion in memory, and prints one
 * JSON line {@code {"protocol":..,"items":N,"missing":D,"roundTrips":R,"bytes":B,"frames":F}},
 * where B counts every protocol byte on the wire and leaves out the missing changes' own payloads.
 * Scripts outside the project drive this line: keep its keys and their order.
 *
 * <p>Without {@code --both-sides} the responder holds all D; with it the initiator holds half
 * (rounded down). {@code --poisoned K} (bloom) adds K changes mined to be false positives in the
 * initiator's unkeyed filter; {@code --keyed} salts the filters' probe positions per session; the
 * protocol is then named {@code bloom-keyed}. Exit status 0 with the line; 2 for a usage error.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description = "Measures one set reconciliation in memory and prints it as a JSON line.")
final class ReconcileCommand implements Callable<Integer> {
  /** The protocols the option names. */
  enum Protocol {
    rbsr,
    bloom,
    merkle,
    delta,
    iblt
  }

  @ParentCommand private EntenteCommand parent;

  @Option(names = "--protocol", required = true, description = "rbsr, bloom, merkle, delta, iblt.")
  private Protocol protocol;

  @Option(names = "--items", required = true, paramLabel = "N", description = "Shared items.")
  private int items;

  @Option(names = "--missing", required = true, paramLabel = "D", description = "Differing items.")
  private int missing;

  @Option(names = "--both-sides", description = "Split the differing items over both stores.")
  private boolean bothSides;

  @Option(names = "--poisoned", paramLabel = "K", description = "Mined ids (bloom only).")
  private int poisoned;

  @Option(names = "--keyed", description = "Per-session salted Bloom probes (bloom only).")
  private boolean keyed;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Default: 1.")
  private long seed;

  @Override
  public Integer call() {
    ReconcileProtocol p = ReconcileProtocol.valueOf(protocol.name().toUpperCase(Locale.ROOT));
    try {
      ReconcileResult result =
          new ReconcileRequest(p, items, missing, bothSides, poisoned, keyed, seed).run();
      parent.out().println(result.toJson());
      return 0;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      parent.err().println("entente reconcile: " + e.getMessage());
      return EntenteCommand.EXIT_USAGE;
    }
  }
}

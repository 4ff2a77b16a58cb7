package dev.entente.campaign;

import dev.entente.impl.sync.BloomReconciler;
import dev.entente.impl.sync.ChangeScenario;
import dev.entente.impl.sync.ReconcileProtocol;
import dev.entente.impl.sync.ReconcileRequest;
import dev.entente.impl.sync.ReconcileResult;
import java.util.Locale;

/**
 * The in-memory part of the reconcile experiment: one reconciliation per spec, named by its variant
 * ({@code table/PROTOCOL/N/D} or {@code poison/bloom|bloom-keyed/N/K}), run by impl's reconcilers
 * exactly as {@code entente reconcile} runs them. Stateless.
 */
final class ReconcileMeasure {
  /** Honest differences in every poisoned run, as in the README's table. */
  static final int POISON_MISSING = 10;

  private ReconcileMeasure() {}

  /** The variant of one table cell. */
  static String tableVariant(ReconcileProtocol p, int items, int missing) {
    return "table/" + p.cliName() + "/" + items + "/" + missing;
  }

  /** The variant of one poisoned run. */
  static String poisonVariant(boolean keyed, int items, int poisoned) {
    return "poison/" + (keyed ? "bloom-keyed" : "bloom") + "/" + items + "/" + poisoned;
  }

  /** Runs the reconciliation {@code variant} names, with {@code seed}. */
  static ReconcileMetrics run(String variant, long seed) {
    String[] part = variant.split("/", -1);
    int items = Integer.parseInt(part[2]);
    int n = Integer.parseInt(part[3]);
    if (part[0].equals("poison")) {
      boolean keyed = part[1].equals("bloom-keyed");
      BloomReconciler.Outcome o =
          BloomReconciler.run(
              ChangeScenario.build(items, POISON_MISSING, false, n, seed), keyed, seed);
      return of(o.result(), part[1], n, o.poisonedClaimed());
    }
    ReconcileProtocol p = ReconcileProtocol.valueOf(part[1].toUpperCase(Locale.ROOT));
    return of(new ReconcileRequest(p, items, n, false, 0, false, seed).run(), part[1], 0, 0);
  }

  private static ReconcileMetrics of(ReconcileResult r, String protocol, int poisoned, int hit) {
    return new ReconcileMetrics(
        protocol, r.items(), r.missing(), poisoned, hit, r.roundTrips(), r.bytes(), r.frames());
  }
}

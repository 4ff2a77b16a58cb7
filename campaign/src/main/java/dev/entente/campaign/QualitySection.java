package dev.entente.campaign;

import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.simulations.coverage.Marks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The build-quality section, from the records {@link QualityStep} makes: JaCoCo line and branch
 * coverage per module and PIT's mutation score per module (against the {@value
 * #MUTATION_TARGET_PERCENT}% the project aims for); and the coverage marks the campaign's simulated
 * runs hit ({@link SimRun#marks}). Stateless.
 */
public final class QualitySection {
  /** The section id and the records' experiment. */
  public static final String ID = "quality";

  /** The share of mutations the tests should kill. */
  static final long MUTATION_TARGET_PERCENT = 85;

  private QualitySection() {}

  private record Coverage(String module, CoverageMetrics m) {
    @Nullable Double lines() {
      return Stats.percent(m.linesCovered(), m.linesCovered() + m.linesMissed());
    }

    @Nullable Double branches() {
      return Stats.percent(m.branchesCovered(), m.branchesCovered() + m.branchesMissed());
    }
  }

  /** One coverage mark over the campaign's simulated runs. */
  private record Mark(String name, long runs, long hits, String replay) {}

  private record Mutation(String module, MutationMetrics m) {
    @Nullable Double score() {
      return Stats.percent(m.detected(), m.mutations());
    }
  }

  /** The section from every record of the campaign (others are ignored). */
  public static ExperimentReport aggregate(List<RunRecord> records) {
    List<Coverage> coverage = new ArrayList<>();
    List<Mutation> mutation = new ArrayList<>();
    StepStatus status = null;
    for (RunRecord r : Campaign.canonical(records)) {
      String module = r.variant().substring(r.variant().indexOf('/') + 1);
      if (!r.experiment().equals(ID)) {
        continue;
      } else if (r.metrics() instanceof StepStatus s) {
        status = s;
      } else if (r.metrics() instanceof CoverageMetrics m) {
        coverage.add(new Coverage(module, m));
      } else if (r.metrics() instanceof MutationMetrics m) {
        mutation.add(new Mutation(module, m));
      }
    }
    String state = status == null ? "not run" : status.status() + ": " + status.reason();
    Section section =
        new Section(
            ID,
            "Build quality",
            "How much of each module do the tests run, and how many injected bugs do they catch?",
            "JaCoCo line and branch coverage per module (target/site/jacoco/jacoco.csv) and PIT"
                + " mutation testing (target/pit-reports), as the last mvn verify with the"
                + " coverage and mutation profiles left them (status "
                + state
                + ").",
            List.of(coverageTable(coverage), mutationTable(mutation), marksTable(marks(records))),
            List.of(),
            findings(coverage, mutation, state) + marksFinding(marks(records)));
    return new ExperimentReport(section, List.of());
  }

  /**
   * Every mark of the catalogue over the simulated runs: how many runs hit it, how often, and the
   * replay command of the first run that did. Marks no run hit are listed with zero runs.
   */
  private static List<Mark> marks(List<RunRecord> records) {
    Map<String, long[]> by = new TreeMap<>();
    Map<String, String> replay = new TreeMap<>();
    for (String name : Marks.CATALOGUE.names()) {
      by.put(name, new long[2]);
    }
    for (RunRecord r : Campaign.canonical(records)) {
      if (r.metrics() instanceof SimulatedMetrics m) {
        m.run()
            .marks()
            .forEach(
                (name, hits) -> {
                  long[] c = by.computeIfAbsent(name, k -> new long[2]);
                  c[0] += hits > 0 ? 1 : 0;
                  c[1] += hits;
                  replay.putIfAbsent(name, m.run().replay());
                });
      }
    }
    List<Mark> out = new ArrayList<>();
    by.forEach((name, c) -> out.add(new Mark(name, c[0], c[1], replay.getOrDefault(name, "-"))));
    return out;
  }

  private static Table marksTable(List<Mark> rows) {
    return TableBuilder.<Mark>titled("Coverage marks hit by the simulated runs")
        .column("mark", Mark::name)
        .column("runs hitting it", Mark::runs)
        .column("hits", Mark::hits)
        .column("first run to replay", Mark::replay)
        .notes("A mark no run hits is a finding: that path went untested in this campaign.")
        .build(rows);
  }

  private static String marksFinding(List<Mark> marks) {
    List<String> unreached = new ArrayList<>();
    for (Mark m : marks) {
      if (m.runs() == 0) {
        unreached.add(m.name());
      }
    }
    String hit =
        " The simulated runs hit "
            + (marks.size() - unreached.size())
            + " of the "
            + Stats.plural(marks.size(), "coverage mark")
            + ".";
    return unreached.isEmpty()
        ? hit
        : hit + " Not reached (untested paths): " + String.join(", ", unreached) + ".";
  }

  private static Table coverageTable(List<Coverage> rows) {
    return TableBuilder.<Coverage>titled("Coverage per module (JaCoCo)")
        .column("module", Coverage::module)
        .column("lines covered (%)", Coverage::lines)
        .column("branches covered (%)", Coverage::branches)
        .column("lines", c -> c.m().linesCovered() + c.m().linesMissed())
        .column("branches", c -> c.m().branchesCovered() + c.m().branchesMissed())
        .build(rows);
  }

  private static Table mutationTable(List<Mutation> rows) {
    return TableBuilder.<Mutation>titled("Mutation testing (PIT)")
        .column("module", Mutation::module)
        .column("mutations", m -> m.m().mutations())
        .column("killed", m -> m.m().detected())
        .column("survived", m -> m.m().survived())
        .column("no coverage", m -> m.m().noCoverage())
        .column("score (%)", Mutation::score)
        .notes("Killed counts every detected mutation (killed, timed out, out of memory).")
        .build(rows);
  }

  private static String findings(List<Coverage> coverage, List<Mutation> mutation, String state) {
    if (coverage.isEmpty() && mutation.isEmpty()) {
      return "No coverage or mutation reports in this run (" + state + ").";
    }
    List<String> parts = new ArrayList<>();
    for (Coverage c : coverage) {
      parts.add(c.module() + " " + Stats.text(c.lines()) + "% / " + Stats.text(c.branches()) + "%");
    }
    StringBuilder s = new StringBuilder();
    if (!parts.isEmpty()) {
      s.append("Line / branch coverage: ").append(String.join(", ", parts)).append(". ");
    }
    for (Mutation m : mutation) {
      boolean met = m.score() != null && m.score() >= MUTATION_TARGET_PERCENT;
      s.append(
          String.format(
              Locale.ROOT,
              "PIT killed %s of %s mutations in %s (%s%%, %s the %d%% target). ",
              m.m().detected(),
              m.m().mutations(),
              m.module(),
              Stats.text(m.score()),
              met ? "meeting" : "below",
              MUTATION_TARGET_PERCENT));
    }
    return s.toString().strip();
  }
}

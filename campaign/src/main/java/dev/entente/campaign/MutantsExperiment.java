package dev.entente.campaign;

import dev.entente.campaign.report.BarChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.driver.MutantHunt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The mutant catalogue: each deliberately broken variant hunted over consecutive seeds of the
 * {@code default} profile (with the options the mutant needs) until a run fails, within the mode's
 * seed budget. One spec per mutant.
 */
final class MutantsExperiment implements Experiment {
  static final String ID = "mutants";

  private final CampaignPlan plan;

  MutantsExperiment(CampaignPlan plan) {
    this.plan = plan;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<RunSpec> specs() {
    List<RunSpec> out = new ArrayList<>();
    for (Mutant m : Mutant.values()) {
      if (m != Mutant.NONE) {
        Overrides o = m.requirements(Overrides.NONE).withMutant(m);
        out.add(RunSpec.of(ID, m.optionName(), plan.firstSeed(), Profile.DEFAULT, o));
      }
    }
    return out;
  }

  @Override
  public RunRecord run(RunSpec spec) {
    RunKey key = new RunKey(ID, spec.variant(), spec.seed());
    Mutant m = Mutant.parse(spec.variant());
    int budget = plan.mode().mutantBudget();
    try {
      MutantHunt.Catch c = MutantHunt.hunt(m, spec.profile(), spec.seed(), budget);
      Long seed = c.caught() ? c.firstFailingSeed().getAsLong() : null;
      String replay =
          seed == null ? null : spec.profile().resolve(seed, spec.overrides()).replayCommand();
      MutantMetrics metrics =
          new MutantMetrics(
              m.description(),
              c.caught(),
              c.seedsRun(),
              budget,
              String.join(", ", c.caughtBy()),
              seed,
              replay);
      return new RunRecord(key, spec.index(), metrics);
    } catch (RuntimeException e) {
      return RunRecord.crashed(key, spec.index(), spec.replayCommand(), e);
    }
  }

  /** One hunt, as the table, the chart and the findings read it. */
  private record Hunt(int index, String mutant, long seed, MutantMetrics m, boolean crashed) {}

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    List<Hunt> hunts = hunts(records);
    long caught = hunts.stream().filter(h -> h.m().caught()).count();
    long maxSeeds = hunts.stream().mapToLong(h -> h.m().seedsRun()).max().orElse(0);
    List<Replay> picks = new ArrayList<>();
    Hunt slowest = slowestCatch(hunts);
    if (slowest != null) {
      picks.add(
          new Replay(
              slowest.mutant(),
              slowest.seed(),
              "the caught mutant that took the most seeds",
              Objects.requireNonNull(slowest.m().replay(), "a caught mutant has a replay")));
    }
    Section section =
        new Section(
            ID,
            "Mutant catalogue",
            "Does the harness catch deliberately broken variants, and which checkers catch them?",
            hunts.size()
                + " mutants of the CRDT, clocks, causal buffer, sync and sequencer; default"
                + " profile plus each mutant's required options; budget "
                + plan.mode().mutantBudget()
                + " seeds per mutant.",
            List.of(table(hunts), ExperimentReport.replayTable(picks)),
            chart(hunts),
            findings(hunts.size(), caught, maxSeeds));
    return new ExperimentReport(section, picks);
  }

  /**
   * The hunts by index. A crashed hunt counts as one not caught; its stack trace is in its record.
   */
  private static List<Hunt> hunts(List<RunRecord> records) {
    List<Hunt> out = new ArrayList<>();
    for (RunRecord r : records) {
      if (!r.experiment().equals(ID)) {
        continue;
      }
      boolean crashed = r.metrics() instanceof CrashedRun;
      MutantMetrics m =
          crashed
              ? new MutantMetrics(
                  Mutant.parse(r.variant()).description(), false, 0, 0, "", null, null)
              : (MutantMetrics) r.metrics();
      out.add(new Hunt(r.index(), r.variant(), r.seed(), m, crashed));
    }
    out.sort(Comparator.comparingInt(Hunt::index).thenComparing(Hunt::mutant));
    return out;
  }

  /** Seeds until caught per mutant; no chart when no hunt ran (say, in a shard without any). */
  private static List<Chart> chart(List<Hunt> hunts) {
    if (hunts.isEmpty()) {
      return List.of();
    }
    return List.of(
        BarChart.<Hunt>titled("Seeds until caught", "mutant", "seeds")
            .series("seeds run", h -> h.m().caught() ? (double) h.m().seedsRun() : null)
            .build(hunts, Hunt::mutant));
  }

  /** The caught mutant that took the most seeds (the first such on ties), or null. */
  private static @Nullable Hunt slowestCatch(List<Hunt> hunts) {
    Hunt pick = null;
    for (Hunt h : hunts) {
      if (h.m().caught() && (pick == null || h.m().seedsRun() > pick.m().seedsRun())) {
        pick = h;
      }
    }
    return pick;
  }

  private Table table(List<Hunt> hunts) {
    return TableBuilder.<Hunt>titled("Mutant catalogue")
        .column("mutant", Hunt::mutant)
        .column("breaks", h -> h.m().breaks())
        .column("caught", h -> h.m().caught() ? "yes" : "NO")
        .column("first failing seed", h -> h.m().firstFailingSeed())
        .column("seeds run", h -> h.m().seedsRun())
        .column(
            "caught by",
            h ->
                h.crashed()
                    ? "crashed (stack trace in runs.jsonl)"
                    : h.m().caught() ? h.m().caughtBy() : "survived " + h.m().budget() + " seeds")
        .notes(
            "Each mutant runs with the options it needs on the default profile, seeds from "
                + plan.firstSeed()
                + ", until a run fails; budget "
                + plan.mode().mutantBudget()
                + " seeds.")
        .build(hunts);
  }

  private static String findings(long hunted, long caught, long maxSeeds) {
    if (hunted == 0) {
      return "No mutants hunted.";
    }
    return String.format(
        Locale.ROOT,
        "The checkers caught %s of %s mutants; the slowest catch took %s. %s",
        caught,
        hunted,
        Stats.plural(maxSeeds, "seed"),
        caught == hunted
            ? "No mutant survived its budget."
            : (hunted - caught) + " survived their budget: the harness is blind there.");
  }
}

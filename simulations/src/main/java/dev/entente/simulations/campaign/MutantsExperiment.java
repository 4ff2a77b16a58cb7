package dev.entente.simulations.campaign;

import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.driver.MutantHunt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
    Mutant m = Mutant.parse(spec.variant());
    MutantHunt.Catch c =
        MutantHunt.hunt(m, spec.profile(), spec.seed(), plan.mode().mutantBudget());
    java.util.SortedMap<String, Object> metrics = new java.util.TreeMap<>();
    metrics.put("caught", c.caught() ? 1L : 0L);
    metrics.put("seedsRun", (long) c.seedsRun());
    metrics.put("budget", (long) plan.mode().mutantBudget());
    metrics.put("caughtBy", String.join(", ", c.caughtBy()));
    metrics.put("breaks", m.description());
    if (c.caught()) {
      long seed = c.firstFailingSeed().getAsLong();
      metrics.put("firstFailingSeed", seed);
      metrics.put("replay", spec.profile().resolve(seed, spec.overrides()).replayCommand());
    }
    return new RunRecord(spec.index(), ID, spec.variant(), spec.seed(), metrics);
  }

  /** The replay of the caught mutant that took the most seeds (the first such on ties). */
  private static Section.Table replay(List<RunRecord> rs) {
    RunRecord pick = null;
    for (RunRecord r : rs) {
      if (r.count("caught") == 1
          && (pick == null || r.count("seedsRun") > pick.count("seedsRun"))) {
        pick = r;
      }
    }
    List<RunRecord> picks = new ArrayList<>();
    picks.add(pick);
    if (pick == null) {
      picks.clear();
    }
    return SimulatedExperiment.replayTable(
        picks, List.of("the caught mutant that took the most seeds"));
  }

  @Override
  public Section aggregate(List<RunRecord> records) {
    List<RunRecord> rs = new ArrayList<>();
    for (RunRecord r : records) {
      if (r.experiment().equals(ID)) {
        rs.add(r);
      }
    }
    rs.sort(Comparator.comparingInt(RunRecord::index).thenComparing(RunRecord::variant));
    List<List<Object>> rows = new ArrayList<>();
    long caught = 0;
    long maxSeeds = 0;
    for (RunRecord r : rs) {
      boolean c = r.count("caught") == 1;
      caught += c ? 1 : 0;
      maxSeeds = Math.max(maxSeeds, r.count("seedsRun"));
      rows.add(
          Arrays.asList(
              r.variant(),
              r.text("breaks"),
              c ? "yes" : "NO",
              c ? (Object) r.count("firstFailingSeed") : null,
              r.count("seedsRun"),
              c ? r.text("caughtBy") : "survived " + r.count("budget") + " seeds"));
    }
    Section.Table table =
        new Section.Table(
            "Mutant catalogue",
            List.of("mutant", "breaks", "caught", "first failing seed", "seeds run", "caught by"),
            rows,
            "Each mutant runs with the options it needs on the default profile, seeds from "
                + plan.firstSeed()
                + ", until a run fails; budget "
                + plan.mode().mutantBudget()
                + " seeds.");
    String findings =
        rs.isEmpty()
            ? "No mutants hunted."
            : String.format(
                Locale.ROOT,
                "The checkers caught %s of %s mutants; the slowest catch took %s. %s",
                caught,
                rs.size(),
                Stats.plural(maxSeeds, "seed"),
                caught == rs.size()
                    ? "No mutant survived its budget."
                    : (rs.size() - caught) + " survived their budget: the harness is blind there.");
    List<Double> seeds = new ArrayList<>();
    List<String> cats = new ArrayList<>();
    for (RunRecord r : rs) {
      cats.add(r.variant());
      seeds.add(r.count("caught") == 1 ? (double) r.count("seedsRun") : null);
    }
    return new Section(
        ID,
        "Mutant catalogue",
        "Does the harness catch deliberately broken variants, and which checkers catch them?",
        rs.size()
            + " mutants of the CRDT, clocks, causal buffer, sync and sequencer; default profile"
            + " plus each mutant's required options; budget "
            + plan.mode().mutantBudget()
            + " seeds per mutant.",
        List.of(table, replay(rs)),
        List.of(
            new Section.Chart(
                "Seeds until caught",
                "bar",
                "mutant",
                "seeds",
                cats,
                List.of(new Section.Series("seeds run", seeds)))),
        findings);
  }
}

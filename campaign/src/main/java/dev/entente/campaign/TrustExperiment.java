package dev.entente.campaign;

import dev.entente.campaign.report.BarChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Verdict;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.relay.Attack;
import dev.entente.simulations.relay.ClientReport;
import dev.entente.simulations.relay.FreshnessAlarm;
import dev.entente.simulations.relay.RelayMutant;
import dev.entente.simulations.relay.RelayOptions;
import dev.entente.simulations.relay.RelayOutcome;
import dev.entente.simulations.relay.RelayRunner;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Trust through an untrusted relay: the relay topology (four members, sealed envelopes) under each
 * relay attack alone, with no attack sealed and plain (the sealing overhead), and with a member
 * removed mid-run. Per variant: runs passing every relay checker, whether the attack was detected
 * and by what evidence, the slowest alarm, honest changes lost, and the bytes the relay stored and
 * forwarded. One seed per variant in quick mode, up to {@link #FULL_SEEDS} otherwise. The specs'
 * profile and overrides are placeholders: a relay run is a function of its variant and seed.
 */
final class TrustExperiment implements Experiment {
  static final String ID = "trust";

  /** Seeds per variant in the full campaign (a relay run costs about a second). */
  static final int FULL_SEEDS = 20;

  private static final String PLAIN = "none-plain";
  private static final String NONE = "none";
  private static final String REMOVAL = "removal";

  private final CampaignPlan plan;

  TrustExperiment(CampaignPlan plan) {
    this.plan = plan;
  }

  @Override
  public String id() {
    return ID;
  }

  /** The variants: plain and sealed without attack, each attack alone, a removal. */
  static List<String> variants() {
    List<String> out = new ArrayList<>(List.of(PLAIN, NONE));
    for (Attack a : Attack.values()) {
      out.add(a.optionName());
    }
    out.add(REMOVAL);
    return out;
  }

  @Override
  public List<RunSpec> specs() {
    int seeds = plan.mode() == CampaignMode.QUICK ? 1 : Math.min(plan.seedCount(), FULL_SEEDS);
    SimulatedExperiment.Variant v =
        new SimulatedExperiment.Variant(Profile.DEFAULT, Overrides.NONE);
    return VariantRuns.specs(ID, variants(), v, plan.firstSeed(), seeds);
  }

  static RelayOptions options(String variant, long seed) {
    EnumSet<Attack> attacks = EnumSet.noneOf(Attack.class);
    if (!List.of(PLAIN, NONE, REMOVAL).contains(variant)) {
      attacks.add(Attack.parseList(variant).iterator().next());
    }
    return RelayOptions.of(seed, attacks, RelayMutant.NONE)
        .withSealed(!variant.equals(PLAIN))
        .withRemoval(variant.equals(REMOVAL));
  }

  @Override
  public RunRecord run(RunSpec spec) {
    RunKey key = new RunKey(ID, spec.variant(), spec.seed());
    RelayOptions o = options(spec.variant(), spec.seed());
    try {
      RelayRunner.Result r = RelayRunner.run(o, line -> {});
      return new RunRecord(key, spec.index(), measure(spec.variant(), o, r));
    } catch (RuntimeException e) {
      return RunRecord.crashed(key, spec.index(), o.replayCommand(), e);
    }
  }

  private static TrustMetrics measure(String variant, RelayOptions o, RelayRunner.Result r) {
    RelayOutcome out = r.outcome();
    long alarms = 0;
    long rejected = 0;
    long refusedHeads = 0;
    long lost = 0;
    Long slowest = null;
    for (ClientReport c : out.honest()) {
      alarms += c.alarms().size();
      rejected += c.rejected();
      refusedHeads += c.refusedHeads();
      lost += lostChanges(out, c);
      for (FreshnessAlarm a : c.alarms()) {
        long d = a.round() - a.heardRound();
        slowest = slowest == null ? d : Math.max(slowest, d);
      }
    }
    String failedBy =
        r.check().parts().stream()
            .filter(p -> p.verdict() != Verdict.VALID)
            .map(CheckResult::checker)
            .collect(Collectors.joining(", "));
    boolean confidential =
        r.check().parts().stream()
            .anyMatch(p -> p.checker().equals("relay-confidentiality") && p.isValid());
    return new TrustMetrics(
        r.passed(),
        failedBy,
        o.sealed(),
        evidence(variant, out, alarms, rejected, refusedHeads),
        alarms,
        slowest,
        rejected,
        lost,
        out.storedFrames(),
        out.storedBytes(),
        out.forwardedBytes(),
        confidential,
        o.replayCommand());
  }

  private static long lostChanges(RelayOutcome o, ClientReport c) {
    return o.truth().honestEnvelopes().keySet().stream().filter(h -> !c.hasAccepted(h)).count();
  }

  /** The evidence an attack leaves with the honest clients, or null if it only costs time. */
  private static @Nullable Long evidence(
      String variant, RelayOutcome o, long alarms, long rejected, long refusedHeads) {
    return switch (variant) {
      case "tamper", REMOVAL -> rejected;
      case "forge" -> rejected + refusedHeads;
      case "withhold", "rollback", "fork" -> alarms;
      case "equivocate" -> (long) o.honest().get(0).equivocatedDots().size();
      default -> null;
    };
  }

  /** One variant's row. */
  record Row(
      String variant,
      long runs,
      long passing,
      @Nullable String detected,
      long evidence,
      long alarms,
      @Nullable Long slowestAlarmRounds,
      long lostChanges,
      double bytesPerFrame,
      double forwardedPerRun,
      long leaks) {}

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    List<Row> rows = new ArrayList<>();
    List<Replay> picks = new ArrayList<>();
    for (String v : variants()) {
      List<RunRecord> mine =
          records.stream()
              .filter(r -> r.experiment().equals(ID) && r.variant().equals(v))
              .filter(r -> r.metrics() instanceof TrustMetrics)
              .toList();
      if (!mine.isEmpty()) {
        rows.add(row(v, mine));
        RunRecord first = mine.get(0);
        picks.add(
            new Replay(v, first.seed(), "first seed", ((TrustMetrics) first.metrics()).replay()));
      }
    }
    Section section =
        new Section(
            ID,
            "Trust through an untrusted relay",
            "Is every relay attack detected or survived, how fast, at what byte cost, and does a"
                + " removed member read nothing written after its removal?",
            "Relay topology: 4 members (plus a Byzantine one under equivocate), 24 attack rounds"
                + " and 8 heal rounds, sealed envelopes (ChaCha20-Poly1305, PADMÉ) unless plain;"
                + " each attack alone; "
                + Stats.plural(rows.isEmpty() ? 0 : rows.get(0).runs(), "seed")
                + " per variant.",
            List.of(table(rows), ExperimentReport.replayTable(picks)),
            charts(rows),
            findings(rows));
    return new ExperimentReport(section, picks);
  }

  private static Row row(String variant, List<RunRecord> mine) {
    List<TrustMetrics> ms = mine.stream().map(r -> (TrustMetrics) r.metrics()).toList();
    long evidence = 0;
    boolean applies = false;
    long detectedRuns = 0;
    Long slowest = null;
    for (TrustMetrics m : ms) {
      if (m.evidence() != null) {
        applies = true;
        evidence += m.evidence();
        detectedRuns += m.evidence() > 0 ? 1 : 0;
      }
      if (m.slowestAlarmRounds() != null) {
        slowest =
            slowest == null ? m.slowestAlarmRounds() : Math.max(slowest, m.slowestAlarmRounds());
      }
    }
    long frames = ms.stream().mapToLong(TrustMetrics::storedFrames).sum();
    long stored = ms.stream().mapToLong(TrustMetrics::storedBytes).sum();
    long forwarded = ms.stream().mapToLong(TrustMetrics::forwardedBytes).sum();
    return new Row(
        variant,
        ms.size(),
        ms.stream().filter(TrustMetrics::passed).count(),
        applies ? detectedRuns + "/" + ms.size() : null,
        evidence,
        ms.stream().mapToLong(TrustMetrics::alarms).sum(),
        slowest,
        ms.stream().mapToLong(TrustMetrics::lostChanges).sum(),
        frames == 0 ? 0 : (double) stored / frames,
        (double) forwarded / ms.size(),
        ms.stream().filter(m -> m.sealed() && !m.confidential()).count());
  }

  private static Table table(List<Row> rows) {
    return TableBuilder.<Row>titled("Per variant")
        .column("variant", Row::variant)
        .column("runs", Row::runs)
        .column("runs passing every relay checker", Row::passing)
        .column("runs detected", r -> r.detected() == null ? "n/a" : r.detected())
        .column("evidence (refusals, alarms or proofs)", Row::evidence)
        .column("freshness alarms", Row::alarms)
        .column("slowest alarm (rounds after hearing)", Row::slowestAlarmRounds)
        .column("honest changes lost", Row::lostChanges)
        .column(
            "stored bytes per frame", r -> String.format(Locale.ROOT, "%.1f", r.bytesPerFrame()))
        .column(
            "forwarded bytes per run", r -> String.format(Locale.ROOT, "%.0f", r.forwardedPerRun()))
        .column("sealed runs leaking plaintext or keys", Row::leaks)
        .notes(
            "Detected: the honest clients hold evidence of the attack (refused frames or envelopes"
                + " for tamper, forge and removal; refused heads for forge; freshness alarms for"
                + " withhold, rollback and fork; equivocation proofs for equivocate). Drop, delay,"
                + " reorder and replay only cost time: surviving them means no change lost and no"
                + " false alarm (n/a). A frame is an envelope, a head or a rotation.")
        .build(rows);
  }

  private static List<Chart> charts(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    return List.of(
        BarChart.<Row>titled("Stored bytes per frame", "variant", "bytes")
            .series("stored bytes per frame", Row::bytesPerFrame)
            .build(rows, Row::variant),
        BarChart.<Row>titled("Freshness alarms per run", "variant", "alarms per run")
            .series("alarms", r -> Stats.ratio(r.alarms(), r.runs()))
            .build(rows, Row::variant));
  }

  private static String findings(List<Row> rows) {
    Row plain = find(rows, PLAIN);
    Row sealed = find(rows, NONE);
    if (plain == null || sealed == null) {
      return "No runs.";
    }
    long passing = rows.stream().mapToLong(Row::passing).sum();
    long runs = rows.stream().mapToLong(Row::runs).sum();
    long lost = rows.stream().mapToLong(Row::lostChanges).sum();
    long leaks = rows.stream().mapToLong(Row::leaks).sum();
    Long slowest =
        rows.stream()
            .map(Row::slowestAlarmRounds)
            .filter(x -> x != null)
            .max(Long::compare)
            .orElse(null);
    return String.format(
        Locale.ROOT,
        "%d of %d relay runs passed every checker; %d honest changes were lost after the heal"
            + " rounds and %d sealed runs leaked plaintext or keys. Every alarm came at most %s"
            + " rounds after the client heard of what the relay hid. Sealing raised the relay's"
            + " stored bytes per frame from %.1f (plain) to %.1f (sealed, PADMÉ): %.2f times.",
        passing,
        runs,
        lost,
        leaks,
        Stats.text(slowest),
        plain.bytesPerFrame(),
        sealed.bytesPerFrame(),
        plain.bytesPerFrame() == 0 ? 0.0 : sealed.bytesPerFrame() / plain.bytesPerFrame());
  }

  private static @Nullable Row find(List<Row> rows, String variant) {
    return rows.stream().filter(r -> r.variant().equals(variant)).findFirst().orElse(null);
  }
}

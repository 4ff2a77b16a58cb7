package dev.entente.campaign;

import dev.entente.campaign.report.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One peer's row of the peers experiment, folded from its records: the runs that finished (by
 * seed), how many crashed, and whether the peer was unavailable (with the reason). Immutable.
 *
 * @param peer the {@code --peer} name
 * @param status {@code ran}, {@code unavailable}, {@code crashed} or {@code not run}
 * @param reason why it is unavailable, or empty
 * @param runs the finished runs, by seed
 * @param crashed runs that threw
 */
record PeersRow(
    String peer,
    String status,
    String reason,
    List<VariantRuns.Run<PeersMetrics>> runs,
    long crashed) {
  /** Copies the list. */
  PeersRow {
    runs = List.copyOf(runs);
  }

  /** The row of {@code peer} from every record of the campaign (others are ignored). */
  static PeersRow of(String peer, List<RunRecord> records) {
    List<VariantRuns.Run<PeersMetrics>> runs = new ArrayList<>();
    long crashed = 0;
    String reason = "";
    for (RunRecord r : records) {
      if (!r.experiment().equals(PeersExperiment.ID) || !r.variant().equals(peer)) {
        continue;
      }
      if (r.metrics() instanceof PeersMetrics m) {
        runs.add(new VariantRuns.Run<>(peer, r.seed(), m));
      } else if (r.metrics() instanceof CrashedRun) {
        crashed++;
      } else if (r.metrics() instanceof StepStatus s && s.reason() != null) {
        reason = s.reason();
      }
    }
    runs.sort(Comparator.comparingLong(VariantRuns.Run::seed));
    String status =
        !runs.isEmpty()
            ? "ran"
            : !reason.isEmpty() ? "unavailable" : crashed > 0 ? "crashed" : "not run";
    return new PeersRow(peer, status, reason, runs, crashed);
  }

  private VariantRuns<PeersMetrics> folded() {
    return new VariantRuns<>(peer, runs, crashed);
  }

  /** True if the peer ran at least once. */
  boolean ran() {
    return !runs.isEmpty();
  }

  /** What the peer said it is, or its status. */
  String version() {
    return runs.isEmpty() ? status : runs.get(runs.size() - 1).metrics().version();
  }

  long count() {
    return folded().count();
  }

  long failing() {
    return folded().failing();
  }

  long converged() {
    return folded().runsWhere(PeersMetrics::converged);
  }

  long calendarAnomalies() {
    return folded().sum(PeersMetrics::calendarAnomalies);
  }

  /** Wire bytes over every run divided by the changes made, or null with none. */
  @Nullable Double bytesPerChange() {
    return Stats.ratio(
        folded().sum(PeersMetrics::messageBytes), folded().sum(PeersMetrics::changes));
  }

  /** Mean time inside the peer per transact or sync-in, in microseconds. */
  @Nullable Double peerMicrosPerCall() {
    return micros(folded().sum(PeersMetrics::applyPeerNanos));
  }

  /** Mean round trip minus time inside the peer, per transact or sync-in, in microseconds. */
  @Nullable Double overheadMicrosPerCall() {
    VariantRuns<PeersMetrics> v = folded();
    return micros(v.sum(PeersMetrics::applyRoundTripNanos) - v.sum(PeersMetrics::applyPeerNanos));
  }

  /** The median over runs of the no-op round trip, in microseconds, or null if never measured. */
  @Nullable Double noOpMicros() {
    List<Long> measured = new ArrayList<>();
    for (Long v : folded().values(PeersMetrics::noOpRoundTripNanos)) {
      if (v >= 0) {
        measured.add(v);
      }
    }
    Long median = Stats.percentile(measured, 50);
    return median == null ? null : Stats.round2(median / 1000.0);
  }

  private @Nullable Double micros(long nanos) {
    Double perCall = Stats.ratio(nanos, folded().sum(PeersMetrics::applyCalls));
    return perCall == null ? null : Stats.round2(perCall / 1000.0);
  }

  /** The first failing run, or null. */
  VariantRuns.@Nullable Run<PeersMetrics> firstFailure() {
    return folded().first(m -> !m.run().passed());
  }

  /** The run with the most calendar anomalies, or null if none showed one. */
  VariantRuns.@Nullable Run<PeersMetrics> mostAnomalies() {
    VariantRuns.Run<PeersMetrics> r = folded().maxBy(PeersMetrics::calendarAnomalies);
    return r == null || r.metrics().calendarAnomalies() == 0 ? null : r;
  }
}

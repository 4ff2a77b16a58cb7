package dev.entente.simulations.relay;

import dev.entente.impl.seal.Entropy;
import dev.entente.impl.seal.SealSeams;
import dev.entente.impl.trust.TimestampRule;
import dev.entente.impl.trust.TrustSeams;
import java.util.function.Function;

/**
 * How the relay simulator assembles a client's trust components: the decisions of its {@code
 * TrustedReplica} (signature check, hash-link check, quarantine rule) and its freshness monitor.
 * {@link #REAL} is the real system; the relay mutant catalogue replaces one point with a {@code
 * with...} copy, as {@code ClusterFactory} does for the peer-to-peer cluster. Immutable.
 *
 * @param trust the trusted replica's decisions
 * @param monitors makes a client's freshness monitor
 * @param seals the sealing seams (nonces, associated data, rotation, key wrap) over a client's
 *     entropy
 * @param keysInClear true only for the mutant that also sends its epoch secrets to the relay
 */
public record RelayFactory(
    TrustSeams trust,
    MonitorMaker monitors,
    Function<Entropy, SealSeams> seals,
    boolean keysInClear) {
  /** Makes a client's freshness monitor. */
  @FunctionalInterface
  public interface MonitorMaker {
    /** The monitor of client {@code client}, waiting {@code patience} completed pulls. */
    FreshnessMonitor newMonitor(int client, int patience);
  }

  /**
   * The lead bound of the relay world's timestamps, in Lamport ticks: an honest member's clock
   * leads its latest predecessor by one tick per local change, so this is generous, and the
   * Byzantine member's future-dated changes lead by a million.
   */
  public static final long MAX_TIMESTAMP_LEAD = 1_000;

  /** The relay world's timestamp rule (Lamport clocks: the lead is bounded). */
  public static final TimestampRule TIMESTAMPS = TimestampRule.causal(MAX_TIMESTAMP_LEAD);

  /** The real system. */
  public static final RelayFactory REAL =
      new RelayFactory(
          TrustSeams.REAL.withTimestamps(TIMESTAMPS),
          FreshnessMonitor::new,
          SealSeams::standard,
          false);

  /** A copy with the trusted replica's decisions replaced. */
  public RelayFactory withTrust(TrustSeams t) {
    return new RelayFactory(t, monitors, seals, keysInClear);
  }

  /** A copy with the freshness monitor replaced. */
  public RelayFactory withMonitors(MonitorMaker m) {
    return new RelayFactory(trust, m, seals, keysInClear);
  }

  /** A copy with the sealing seams replaced. */
  public RelayFactory withSeals(Function<Entropy, SealSeams> s) {
    return new RelayFactory(trust, monitors, s, keysInClear);
  }

  /** A copy that sends epoch secrets to the relay in the clear (a mutant). */
  public RelayFactory withKeysInClear() {
    return new RelayFactory(trust, monitors, seals, true);
  }
}

package dev.entente.simulations.cluster;

import dev.entente.impl.trust.TrustSeams;
import dev.entente.simulations.relay.FreshnessMonitor;

/**
 * How the relay simulator assembles a client's trust components: the decisions of its {@code
 * TrustedReplica} (signature check, hash-link check, quarantine rule) and its freshness monitor.
 * {@link #REAL} is the real system; the relay mutant catalogue replaces one point with a {@code
 * with...} copy, as {@link ClusterFactory} does for the peer-to-peer cluster. Immutable.
 *
 * @param trust the trusted replica's decisions
 * @param monitors makes a client's freshness monitor
 */
public record RelayFactory(TrustSeams trust, MonitorMaker monitors) {
  /** Makes a client's freshness monitor. */
  @FunctionalInterface
  public interface MonitorMaker {
    /** The monitor of client {@code client}, waiting {@code patience} completed pulls. */
    FreshnessMonitor newMonitor(int client, int patience);
  }

  /** The real system. */
  public static final RelayFactory REAL = new RelayFactory(TrustSeams.REAL, FreshnessMonitor::new);

  /** A copy with the trusted replica's decisions replaced. */
  public RelayFactory withTrust(TrustSeams t) {
    return new RelayFactory(t, monitors);
  }

  /** A copy with the freshness monitor replaced. */
  public RelayFactory withMonitors(MonitorMaker m) {
    return new RelayFactory(trust, m);
  }
}

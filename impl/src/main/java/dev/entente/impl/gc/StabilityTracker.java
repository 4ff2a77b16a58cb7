package dev.entente.impl.gc;

import dev.entente.model.Check;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one replica knows of every current member's delivered dots, and the stability frontier that
 * follows: the entry-wise minimum of the members' latest reports. Sans-IO; mutable, not
 * thread-safe.
 *
 * <p>A member that has never reported counts as having delivered nothing, so it holds the frontier
 * at {@link VersionVector#EMPTY}: nothing is stable until everyone has spoken. {@link #setMembers}
 * moves the frontier: removing a member that lags lets it advance, adding one holds it back until
 * the newcomer reports. Reports of non-members are kept (a member may be re-added) but do not
 * count.
 */
public final class StabilityTracker {
  private final SortedSet<ReplicaId> members = new TreeSet<>();
  private final Map<ReplicaId, VersionVector> reports = new HashMap<>();

  /** A tracker for the given current members. */
  public StabilityTracker(Collection<ReplicaId> members) {
    setMembers(members);
  }

  /** Replaces the current member set. */
  public void setMembers(Collection<ReplicaId> newMembers) {
    Check.argument(newMembers != null, "members must not be null");
    Check.argument(!newMembers.isEmpty(), "members must not be empty");
    members.clear();
    members.addAll(newMembers);
  }

  /** The current members, sorted. */
  public SortedSet<ReplicaId> members() {
    return Collections.unmodifiableSortedSet(members);
  }

  /** Takes a report; older or duplicated reports change nothing (reports only grow). */
  public void receive(StabilityReport report) {
    Check.argument(report != null, "report must not be null");
    reports.merge(report.member(), report.delivered(), VersionVector::merge);
  }

  /** The latest report of {@code member}, {@link VersionVector#EMPTY} if it never reported. */
  public VersionVector reported(ReplicaId member) {
    return reports.getOrDefault(member, VersionVector.EMPTY);
  }

  /** The stable vector and the members' heads (see {@link StabilityFrontier}). */
  public StabilityFrontier frontier() {
    VersionVector stable = null;
    Map<ReplicaId, Long> heads = new TreeMap<>();
    for (ReplicaId m : members) {
      VersionVector r = reported(m);
      stable = stable == null ? r : meet(stable, r);
      heads.put(m, r.get(m));
    }
    return new StabilityFrontier(
        stable == null ? VersionVector.EMPTY : stable, VersionVector.of(heads));
  }

  /** The join of every current member's report: what some member is known to have delivered. */
  public VersionVector known() {
    VersionVector join = VersionVector.EMPTY;
    for (ReplicaId m : members) {
      join = join.merge(reported(m));
    }
    return join;
  }

  /**
   * How far each member holds the frontier back: the number of changes some member reported that
   * this member has not. The frontier's own lag is the maximum of these ({@link #heldBack}).
   */
  public SortedMap<ReplicaId, Long> lagByMember() {
    VersionVector known = known();
    TreeMap<ReplicaId, Long> lag = new TreeMap<>();
    for (ReplicaId m : members) {
      lag.put(m, known.size() - reported(m).size());
    }
    return Collections.unmodifiableSortedMap(lag);
  }

  /** Changes known delivered somewhere that are not yet stable: the frontier's lag. */
  public long heldBack() {
    return known().size() - frontier().stable().size();
  }

  /** The entry-wise minimum of two vectors (the lattice meet). */
  static VersionVector meet(VersionVector a, VersionVector b) {
    Map<ReplicaId, Long> out = new HashMap<>();
    a.entries().forEach((r, n) -> out.put(r, Math.min(n, b.get(r))));
    return VersionVector.of(out);
  }
}

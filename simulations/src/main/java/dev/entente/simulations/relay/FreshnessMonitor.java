package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.trust.Member;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One client's freshness check (fork consistency, as in SUNDR): it keeps each member's newest
 * verified signed head, and owes itself every envelope such a head (or a pending envelope's link)
 * names. An envelope still missing after {@code patience} completed pulls raises a {@link
 * FreshnessAlarm}: an honest relay shows an acknowledged frame within its delay bound, so a longer
 * absence is the relay hiding it (withhold, rollback, fork). Heads that do not verify under the
 * author's member key are refused; older heads (replays) are ignored. Mutable.
 */
public class FreshnessMonitor {
  private record Owed(int heardRound, int pullsWhenHeard) {}

  private final int client;
  private final int patience;
  private final Map<ReplicaId, SignedHead> newest = new HashMap<>();
  private final Map<Hash32, Owed> owed = new LinkedHashMap<>();
  private final List<FreshnessAlarm> alarms = new ArrayList<>();
  private int completedPulls;
  private int refusedHeads;
  private int staleHeads;

  /** A monitor for client {@code client} that waits {@code patience} completed pulls. */
  public FreshnessMonitor(int client, int patience) {
    this.client = client;
    this.patience = patience;
  }

  /** Offers a signed head received in {@code round}; true if it was new and verified. */
  public boolean offer(SignedHead head, TrustedReplica replica, int round) {
    Optional<Member> author = replica.memberNow(head.author());
    if (author.isEmpty() || !head.verifies(replica.documentId(), author.get().key())) {
      refusedHeads++;
      return false;
    }
    SignedHead known = newest.get(head.author());
    if (known != null && known.counter() == head.counter() && !known.equals(head)) {
      raise(
          new FreshnessAlarm(
              client, FreshnessAlarm.Kind.HEAD_EQUIVOCATION, firstHead(known), round, round));
      return false;
    }
    if (known != null && known.counter() >= head.counter()) {
      staleHeads++;
      return false;
    }
    newest.put(head.author(), head);
    owe(head.heads(), replica, round);
    return true;
  }

  private static Hash32 firstHead(SignedHead h) {
    return h.heads().isEmpty() ? Hash32.sha256(new byte[0]) : h.heads().get(0);
  }

  /** Owes the envelopes {@code hashes} that {@code replica} has not accepted. */
  public void owe(List<Hash32> hashes, TrustedReplica replica, int round) {
    for (Hash32 h : hashes) {
      if (replica.envelope(h).isEmpty()) {
        owed.putIfAbsent(h, new Owed(round, completedPulls));
      }
    }
  }

  /** Ends a completed pull: settles what arrived, alarms on what is overdue. */
  public void pulled(TrustedReplica replica, int round) {
    completedPulls++;
    List<Hash32> settled = new ArrayList<>();
    for (Map.Entry<Hash32, Owed> e : owed.entrySet()) {
      if (replica.envelope(e.getKey()).isPresent()) {
        settled.add(e.getKey());
      } else if (completedPulls - e.getValue().pullsWhenHeard() >= patience) {
        settled.add(e.getKey());
        Coverage.mark(RelayMark.RELAY_MISSING_PAST_ALARM);
        raise(
            new FreshnessAlarm(
                client,
                FreshnessAlarm.Kind.MISSING_PAST,
                e.getKey(),
                e.getValue().heardRound(),
                round));
      }
    }
    settled.forEach(owed::remove);
  }

  /** Records an alarm; the freshness-check-off mutant overrides it to stay silent. */
  protected void raise(FreshnessAlarm alarm) {
    alarms.add(alarm);
  }

  /** The alarms raised, oldest first. */
  public List<FreshnessAlarm> alarms() {
    return List.copyOf(alarms);
  }

  /** Heads refused because they did not verify under a member key. */
  public int refusedHeads() {
    return refusedHeads;
  }

  /** Heads ignored because a newer one from the same author was known. */
  public int staleHeads() {
    return staleHeads;
  }

  /** Completed pulls so far. */
  public int completedPulls() {
    return completedPulls;
  }
}

package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.check.CheckResult;
import java.util.HashMap;
import java.util.Map;

/**
 * The timestamp checker ({@code relay-timestamps-causal}), recomputed from the accepted envelopes
 * and not through the replica's rule: every accepted envelope with links is stamped strictly after
 * its latest linked predecessor and at most {@link RelayFactory#MAX_TIMESTAMP_LEAD} ahead of it; no
 * honest replica accepted one of the Byzantine member's back- or future-dated changes, and each
 * refused them as {@code BadTimestamp}. Stateless.
 */
final class TimestampChecker {
  static final String NAME = "relay-timestamps-causal";

  private TimestampChecker() {}

  static CheckResult timestampsCausal(RelayOutcome o) {
    for (ClientReport c : o.honest()) {
      Map<Hash32, SignedEnvelope> byHash = new HashMap<>();
      c.accepted().forEach(e -> byHash.put(e.hash(), e));
      for (SignedEnvelope e : c.accepted()) {
        if (o.truth().skewedTimestamps().contains(e.hash())) {
          return CheckResult.invalid(
              NAME, "client " + c.index() + " accepted the skewed timestamp of " + e.dot());
        }
        String why = violation(e, byHash);
        if (!why.isEmpty()) {
          return CheckResult.invalid(
              NAME, "client " + c.index() + " accepted " + e.dot() + " whose timestamp " + why);
        }
      }
      if (!o.truth().skewedTimestamps().isEmpty()
          && c.rejections().getOrDefault("BadTimestamp", 0) == 0) {
        return CheckResult.invalid(
            NAME, "client " + c.index() + " never refused a skewed timestamp as BadTimestamp");
      }
    }
    return CheckResult.valid(
        NAME,
        o.truth().skewedTimestamps().size()
            + " skewed timestamps refused; every accepted one within "
            + RelayFactory.MAX_TIMESTAMP_LEAD
            + " ticks after its past");
  }

  private static String violation(SignedEnvelope e, Map<Hash32, SignedEnvelope> byHash) {
    if (e.links().isEmpty()) {
      return "";
    }
    long latest = Long.MIN_VALUE;
    for (Hash32 link : e.links()) {
      SignedEnvelope l = byHash.get(link);
      if (l != null) {
        latest = Math.max(latest, l.change().timestamp().wallMillis());
      }
    }
    HlcTimestamp ts = e.change().timestamp();
    if (ts.wallMillis() <= latest) {
      return "is not after its latest predecessor's " + latest;
    }
    if (latest != Long.MIN_VALUE && ts.wallMillis() - latest > RelayFactory.MAX_TIMESTAMP_LEAD) {
      return "leads its latest predecessor's " + latest + " by " + (ts.wallMillis() - latest);
    }
    return "";
  }
}

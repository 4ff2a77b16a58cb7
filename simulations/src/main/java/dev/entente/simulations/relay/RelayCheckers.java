package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.model.check.CheckResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checkers of a relay run, each judging the {@link RelayOutcome} against the simulator's ground
 * truth: no forged or tampered change applied; convergence of the honest replicas with no honest
 * change lost; the equivocation rule on every honest replica; every accepted envelope's hash links
 * agree with its {@code seen}; freshness (every hidden past a client heard of is flagged within the
 * bound); no alarm when the relay only delayed, dropped, reordered or replayed. Stateless.
 */
public final class RelayCheckers {
  private RelayCheckers() {}

  /** Every checker's verdict, in a fixed order. */
  public static List<CheckResult> judge(RelayOutcome o) {
    return List.of(
        noForgeryApplied(o),
        honestConvergence(o),
        equivocationRule(o),
        linksAgreeWithSeen(o),
        freshness(o),
        noFalseAlarm(o),
        confidentiality(o),
        RemovalChecker.removedMemberExcluded(o),
        TimestampChecker.timestampsCausal(o));
  }

  static CheckResult noForgeryApplied(RelayOutcome o) {
    String name = "relay-no-forgery-applied";
    for (ClientReport c : o.honest()) {
      for (Hash32 p : c.passedTag()) {
        if (o.truth().tamperedPayloads().contains(p)) {
          return CheckResult.invalid(
              name, "client " + c.index() + " accepted the AEAD tag of a tampered frame " + p);
        }
      }
      for (SignedEnvelope e : c.accepted()) {
        if (o.truth().forged().contains(e.hash()) || o.truth().tampered().contains(e.hash())) {
          return CheckResult.invalid(
              name,
              "client " + c.index() + " accepted the relay's forgery " + e.dot() + " " + e.hash());
        }
      }
    }
    return CheckResult.valid(
        name,
        o.truth().forged().size()
            + " forged, "
            + o.truth().tampered().size()
            + " tampered envelopes; none applied");
  }

  static CheckResult honestConvergence(RelayOutcome o) {
    String name = "relay-honest-convergence";
    List<ClientReport> honest = o.honest();
    ClientReport first = honest.get(0);
    for (ClientReport c : honest) {
      if (!c.map().equals(first.map())) {
        return CheckResult.invalid(
            name, "client " + c.index() + " shows " + c.map() + ", client 0 shows " + first.map());
      }
      int lost = lostChanges(o, c);
      if (lost > 0) {
        return CheckResult.invalid(
            name, "client " + c.index() + " lacks " + lost + " honest changes");
      }
    }
    return CheckResult.valid(name, honest.size() + " honest replicas agree; no honest change lost");
  }

  /** Honest envelopes {@code c} does not hold at the end. */
  static int lostChanges(RelayOutcome o, ClientReport c) {
    int lost = 0;
    for (Hash32 h : o.truth().honestEnvelopes().keySet()) {
      lost += c.hasAccepted(h) ? 0 : 1;
    }
    return lost;
  }

  static CheckResult equivocationRule(RelayOutcome o) {
    String name = "relay-equivocation-quarantined";
    for (Map.Entry<Dot, List<Value>> e : o.truth().equivocations().entrySet()) {
      for (ClientReport c : o.honest()) {
        if (!c.equivocatedDots().contains(e.getKey())) {
          return CheckResult.invalid(
              name, "client " + c.index() + " holds no proof of the equivocation at " + e.getKey());
        }
        for (Value v : e.getValue()) {
          if (c.map().entries().values().stream().anyMatch(vs -> vs.contains(v))) {
            return CheckResult.invalid(
                name,
                "client " + c.index() + " shows " + v + " of the equivocated dot " + e.getKey());
          }
        }
      }
    }
    return CheckResult.valid(
        name,
        o.truth().equivocations().size() + " equivocated dots quarantined on every honest replica");
  }

  static CheckResult linksAgreeWithSeen(RelayOutcome o) {
    String name = "relay-links-agree-with-seen";
    for (ClientReport c : o.honest()) {
      Map<Hash32, SignedEnvelope> byHash = new HashMap<>();
      c.accepted().forEach(e -> byHash.put(e.hash(), e));
      for (SignedEnvelope e : c.accepted()) {
        VersionVector join = VersionVector.EMPTY;
        for (Hash32 link : e.links()) {
          SignedEnvelope l = byHash.get(link);
          if (l == null) {
            return CheckResult.invalid(
                name, "client " + c.index() + " accepted " + e.dot() + " without its link " + link);
          }
          Change lc = l.change();
          join = join.merge(lc.seen()).merge(VersionVector.EMPTY.with(lc.author(), lc.seq()));
        }
        if (!join.equals(e.change().seen())) {
          return CheckResult.invalid(
              name,
              "client "
                  + c.index()
                  + " accepted "
                  + e.dot()
                  + " whose links join to "
                  + join
                  + " but whose seen is "
                  + e.change().seen());
        }
      }
    }
    return CheckResult.valid(
        name, "every accepted envelope's links are exactly its seen's maximal dots");
  }

  /** The bound, in completed pulls after hearing, within which a hidden past must be flagged. */
  public static int boundPulls(RelayOptions options) {
    return options.patience() + 1;
  }

  static CheckResult freshness(RelayOutcome o) {
    String name = "relay-freshness";
    int bound = boundPulls(o.options());
    int required = 0;
    for (Heard h : o.heard()) {
      ClientReport c = o.clients().get(h.client());
      List<Integer> later = c.pullRounds().stream().filter(r -> r > h.round()).toList();
      if (later.size() < bound) {
        continue;
      }
      int deadline = later.get(bound - 1);
      Integer got = c.acceptedAt().get(h.hidden());
      if (got != null && got <= deadline) {
        continue;
      }
      required++;
      boolean flagged = c.alarms().stream().anyMatch(a -> a.round() <= deadline);
      if (!flagged) {
        return CheckResult.invalid(
            name,
            "client "
                + h.client()
                + " heard of hidden "
                + h.hidden()
                + " in round "
                + h.round()
                + " and raised no alarm by round "
                + deadline
                + " ("
                + bound
                + " pulls)");
      }
    }
    return CheckResult.valid(name, required + " hidden pasts flagged within " + bound + " pulls");
  }

  /**
   * Sealed runs: no value a member wrote and no device seed or epoch secret appears anywhere in the
   * bytes the relay stored or forwarded.
   */
  static CheckResult confidentiality(RelayOutcome o) {
    String name = "relay-confidentiality";
    if (!o.options().sealed()) {
      return CheckResult.valid(name, "plain variant: envelopes travel unsealed by design");
    }
    byte[] relay = o.relayBytes();
    for (Value v : o.truth().plaintexts()) {
      if (indexOf(relay, v.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)) >= 0) {
        return CheckResult.invalid(name, "the relay saw the plaintext value " + v);
      }
    }
    int n = 0;
    for (byte[] secret : o.truth().secrets()) {
      n++;
      if (indexOf(relay, secret) >= 0) {
        return CheckResult.invalid(name, "the relay saw key material (secret " + n + ")");
      }
    }
    return CheckResult.valid(
        name,
        o.truth().plaintexts().size()
            + " values and "
            + n
            + " secrets absent from "
            + relay.length
            + " relay bytes");
  }

  /** First index of {@code needle} in {@code hay}, or -1. */
  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static CheckResult noFalseAlarm(RelayOutcome o) {
    String name = "relay-no-false-alarm";
    Set<Attack> harmless =
        EnumSet.of(Attack.DROP, Attack.DELAY, Attack.REORDER, Attack.REPLAY, Attack.EQUIVOCATE);
    if (!harmless.containsAll(o.options().attacks())) {
      return CheckResult.valid(name, "the relay hid or altered frames: alarms are expected");
    }
    List<FreshnessAlarm> alarms = new ArrayList<>();
    o.honest().forEach(c -> alarms.addAll(c.alarms()));
    return alarms.isEmpty()
        ? CheckResult.valid(name, "no alarm against a relay that only slowed things down")
        : CheckResult.invalid(name, alarms.size() + " false alarms, first " + alarms.get(0));
  }
}

package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.check.CheckResult;
import java.util.Map;

/**
 * The removal checker ({@code relay-removed-member-excluded}): once the owner removed a member, (1)
 * sealed runs: the removed device holds the key of no epoch an honest writer sealed under after it
 * had accepted the removal, and accepted none of those writes; (2) no honest replica accepted a
 * write the removed device signed after it knew of its removal, and each refused them with the
 * typed reason {@code NotAMember}. Stateless.
 */
final class RemovalChecker {
  static final String NAME = "relay-removed-member-excluded";

  private RemovalChecker() {}

  static CheckResult removedMemberExcluded(RelayOutcome o) {
    if (!o.options().removal()) {
      return CheckResult.valid(NAME, "no member removed in this run");
    }
    RelayTruth t = o.truth();
    ClientReport removed = o.clients().get(o.options().removedMember());
    for (Map.Entry<Hash32, Hash32> e : t.sealedAfterRemoval().entrySet()) {
      if (t.removedMemberEpochs().contains(e.getValue())) {
        return CheckResult.invalid(
            NAME,
            "the removed member holds the key of epoch "
                + e.getValue()
                + ", sealed under after the removal (envelope "
                + e.getKey()
                + ")");
      }
      if (removed.hasAccepted(e.getKey())) {
        return CheckResult.invalid(
            NAME, "the removed member read " + e.getKey() + ", written after its removal");
      }
    }
    for (ClientReport c : o.honest()) {
      for (SignedEnvelope e : c.accepted()) {
        if (t.removedWrites().contains(e.hash())) {
          return CheckResult.invalid(
              NAME, "client " + c.index() + " accepted the removed member's write " + e.dot());
        }
      }
      if (!t.removedWrites().isEmpty() && c.rejections().getOrDefault("NotAMember", 0) == 0) {
        return CheckResult.invalid(
            NAME,
            "client " + c.index() + " never refused the removed member's writes as NotAMember");
      }
    }
    return CheckResult.valid(
        NAME,
        t.sealedAfterRemoval().size()
            + " envelopes sealed after the removal unreadable to it; "
            + t.removedWrites().size()
            + " of its later writes refused as NotAMember by every honest replica");
  }
}

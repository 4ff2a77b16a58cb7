package dev.entente.impl.trust;

import static dev.entente.impl.trust.TrustFixture.keys;
import static dev.entente.impl.trust.TrustFixture.replica;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timestamp rule: a change is stamped strictly after its latest hash-linked predecessor and, if
 * the document bounds it, at most that far ahead; the verdict depends on the predecessors only.
 */
class TimestampRuleTest {
  private static final Key K = Key.of("k");

  /** The owner's next change on top of {@code last}, stamped {@code wallMillis}. */
  private static SignedEnvelope next(TrustedReplica owner, SignedEnvelope last, long wallMillis) {
    Change c =
        new Change(
            TrustFixture.OWNER,
            last.change().seq() + 1,
            new HlcTimestamp(wallMillis, 0),
            owner.versionVector(),
            List.of(new Op.Put(K, Value.of("t" + wallMillis))));
    return SignedEnvelope.signed(owner.documentId(), c, List.of(last.hash()), keys("owner")::sign);
  }

  /** The owner's first change, already delivered to {@code peer}. */
  private static SignedEnvelope firstDelivered(TrustedReplica owner, TrustedReplica peer) {
    SignedEnvelope first = owner.put(K, Value.of("1"));
    peer.receive(first);
    return first;
  }

  private static TrustedReplica bounded(String id, long maxLead) {
    LamportClock clock = new LamportClock();
    return TrustedReplica.create(
        TrustFixture.genesis(),
        keys(id),
        () -> Replica.create(ReplicaId.of(id), RegisterPolicy.MV, KeyGroups.singletons(), clock),
        TrustSeams.REAL.withTimestamps(TimestampRule.causal(maxLead)));
  }

  @Test
  void receive_backdatedChange_isBadTimestamp() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedEnvelope first = firstDelivered(owner, peer);
    SignedEnvelope backdated = next(owner, first, first.change().timestamp().wallMillis());

    ReceiveResult r = peer.receive(backdated);

    assertThat(((ReceiveResult.Rejected) r).rejection())
        .isInstanceOf(Rejection.BadTimestamp.class)
        .extracting(Rejection::describe)
        .asString()
        .contains("back-dated");
  }

  @Test
  void receive_futureDatedBeyondBound_isBadTimestamp_withinBoundIsAccepted() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = bounded("p", 1_000);
    SignedEnvelope first = firstDelivered(owner, peer);
    long t = first.change().timestamp().wallMillis();

    ReceiveResult far = peer.receive(next(owner, first, t + 1_001));
    ReceiveResult near = peer.receive(next(owner, first, t + 1_000));

    assertThat(((ReceiveResult.Rejected) far).rejection().describe()).contains("future-dated");
    assertThat(near).isInstanceOf(ReceiveResult.Accepted.class);
  }

  @Test
  void receive_realSeams_leadIsUnbounded_forPhysicalClocks() {
    TrustedReplica owner = replica("owner");
    TrustedReplica peer = replica("p");
    SignedEnvelope first = firstDelivered(owner, peer);

    ReceiveResult r = peer.receive(next(owner, first, 86_400_000L));

    assertThat(r).isInstanceOf(ReceiveResult.Accepted.class);
  }

  @Test
  void causal_nonPositiveBound_isRefused() {
    assertThatThrownBy(() -> TimestampRule.causal(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lead bound");
  }
}

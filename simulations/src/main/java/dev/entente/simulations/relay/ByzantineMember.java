package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.List;

/**
 * What the Byzantine member does beside honest writes, with its own valid key: it equivocates
 * (signs two different changes with one dot) and signs changes whose hash links lie about their
 * {@code seen}, and it back- or future-dates changes. All are validly signed, so only the
 * equivocation rule, the hash-link check and the timestamp rule stand between them and the honest
 * replicas. Stateless.
 */
final class ByzantineMember {
  private ByzantineMember() {}

  /** Writes {@code first} for real, then signs a twin with the same dot writing {@code second}. */
  static void equivocate(
      RelayClient m,
      DeviceKeyPair keys,
      Key key,
      Value first,
      Value second,
      RelayTruth truth,
      int round) {
    SignedEnvelope real = m.trusted().put(key, first);
    Change c = real.change();
    Change twin =
        new Change(c.author(), c.seq(), c.timestamp(), c.seen(), List.of(new Op.Put(key, second)));
    SignedEnvelope other =
        SignedEnvelope.signed(m.trusted().documentId(), twin, real.links(), keys::sign);
    truth.equivocated(real.dot(), first, second);
    m.send(real, round);
    m.send(other, round);
  }

  /**
   * Signs the member's next change with no hash links while its {@code seen} claims everything it
   * has seen (and its own previous change): the links disagree with {@code seen}. Does nothing
   * before the member has written.
   */
  static void lieAboutLinks(
      RelayClient m, DeviceKeyPair keys, Key key, Value value, RelayTruth truth, int round) {
    VersionVector seen = m.trusted().versionVector();
    long seq = seen.get(m.id()) + 1;
    if (seq == 1 || m.trusted().heads().isEmpty()) {
      return;
    }
    SignedEnvelope last = m.trusted().envelope(m.trusted().heads().get(0)).orElseThrow();
    Change lie =
        new Change(m.id(), seq, last.change().timestamp(), seen, List.of(new Op.Put(key, value)));
    SignedEnvelope e = SignedEnvelope.signed(m.trusted().documentId(), lie, List.of(), keys::sign);
    truth.lyingLinks(e.hash());
    m.send(e, round);
  }

  /**
   * Signs the member's next change on top of its heads with a skewed timestamp: on an odd sequence
   * number back-dated (the latest predecessor's own timestamp, not after it), on an even one
   * future-dated (a million ticks ahead). Does nothing before the member has written.
   */
  static void skewTime(
      RelayClient m, DeviceKeyPair keys, Key key, Value value, RelayTruth truth, int round) {
    VersionVector seen = m.trusted().versionVector();
    long seq = seen.get(m.id()) + 1;
    List<Hash32> heads = m.trusted().heads();
    if (seq == 1 || heads.isEmpty()) {
      return;
    }
    HlcTimestamp latest = HlcTimestamp.ZERO;
    for (Hash32 h : heads) {
      HlcTimestamp t = m.trusted().envelope(h).orElseThrow().change().timestamp();
      latest = t.compareTo(latest) > 0 ? t : latest;
    }
    HlcTimestamp skewed =
        seq % 2 == 1 ? latest : new HlcTimestamp(latest.wallMillis() + FUTURE_LEAD, 0);
    Change c = new Change(m.id(), seq, skewed, seen, List.of(new Op.Put(key, value)));
    SignedEnvelope e = SignedEnvelope.signed(m.trusted().documentId(), c, heads, keys::sign);
    truth.skewedTimestamp(e.hash());
    m.send(e, round);
  }

  /** How far ahead a future-dated change is stamped. */
  static final long FUTURE_LEAD = 1_000_000;
}

package dev.entente.simulations.relay;

import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.List;

/**
 * What the Byzantine member does beside honest writes, with its own valid key: it equivocates
 * (signs two different changes with one dot) and signs changes whose hash links lie about their
 * {@code seen}. Both are validly signed, so only the equivocation rule and the hash-link check
 * stand between them and the honest replicas. Stateless.
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
}

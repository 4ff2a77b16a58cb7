package dev.entente.impl.trust;

import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The equivocation rule: once a replica holds two valid envelopes with one dot, <b>every version of
 * that dot is quarantined</b>: none of their data ops is applied, on any replica, whatever the
 * arrival order. Both envelopes stay accepted (they are valid, and together they are the {@link
 * EquivocationProof} that spreads with anti-entropy), and changes that link to either version stay
 * valid and applied: an honest replica that built on one version loses nothing of its own.
 *
 * <p>To keep causal delivery in the replica underneath, the dot is filled by a deterministic
 * placeholder: a change with the dot, the earliest timestamp of the versions, the intersection of
 * their {@code seen} vectors, and one delete of {@link #KEY}. It depends only on the set of
 * versions, so every replica that knows the same versions applies the same placeholder.
 *
 * <p>Stateless.
 */
final class Quarantine {
  /** The reserved key the placeholder deletes; nothing else writes it. */
  static final Key KEY = Key.of("entente/quarantined");

  private Quarantine() {}

  /** The placeholder for the versions (two or more) of one dot. */
  static Change placeholder(List<SignedEnvelope> versions) {
    Change first = versions.get(0).change();
    HlcTimestamp earliest = first.timestamp();
    VersionVector meet = first.seen();
    for (SignedEnvelope v : versions) {
      Change c = v.change();
      earliest = c.timestamp().compareTo(earliest) < 0 ? c.timestamp() : earliest;
      meet = meet(meet, c.seen());
    }
    return new Change(first.author(), first.seq(), earliest, meet, List.of(new Op.Delete(KEY)));
  }

  private static VersionVector meet(VersionVector a, VersionVector b) {
    TreeMap<ReplicaId, Long> out = new TreeMap<>();
    for (Map.Entry<ReplicaId, Long> e : a.entries().entrySet()) {
      long min = Math.min(e.getValue(), b.get(e.getKey()));
      if (min > 0) {
        out.put(e.getKey(), min);
      }
    }
    return VersionVector.of(out);
  }
}

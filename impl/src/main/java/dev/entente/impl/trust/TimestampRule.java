package dev.entente.impl.trust;

import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;
import java.util.List;
import java.util.Optional;

/**
 * Seam: is a change's timestamp acceptable given its hash-linked predecessors? The verdict depends
 * on the change and its causal predecessors only, never on the receiver's clock, so every honest
 * replica reaches the same one (docs/relay-adversary.md, "Timestamps").
 *
 * <p>The standard rule {@link #causal(long)}: a change with links must be stamped strictly after
 * the latest of them (an honest clock always is: it has observed them), otherwise it is
 * <b>back-dated</b>; and at most {@code maxLead} (in {@link HlcTimestamp#wallMillis()} units) after
 * it, otherwise it is <b>future-dated</b>. A change without links (the owner's first) is
 * unconstrained. A Lamport-clocked document can bound the lead tightly (an honest writer leads its
 * predecessors by a few ticks); a physical-clock document cannot, since an honest writer may write
 * after days offline, so it uses {@link #UNBOUNDED} and only back-dating is refused.
 */
@FunctionalInterface
public interface TimestampRule {
  /** No bound on the lead over the predecessors. */
  long UNBOUNDED = Long.MAX_VALUE;

  /** Why {@code change}'s timestamp is unacceptable after {@code linked}, or empty. */
  Optional<String> violation(Change change, List<SignedEnvelope> linked);

  /** Refuses back-dated changes and changes more than {@code maxLead} ahead of their past. */
  static TimestampRule causal(long maxLead) {
    Check.argument(maxLead >= 1, "the timestamp lead bound must be >= 1, was %d", maxLead);
    return (change, linked) -> {
      if (linked.isEmpty()) {
        return Optional.empty();
      }
      HlcTimestamp latest = HlcTimestamp.ZERO;
      for (SignedEnvelope e : linked) {
        HlcTimestamp t = e.change().timestamp();
        latest = t.compareTo(latest) > 0 ? t : latest;
      }
      HlcTimestamp ts = change.timestamp();
      if (ts.compareTo(latest) <= 0) {
        return Optional.of("back-dated: " + ts + " is not after its latest predecessor " + latest);
      }
      long lead = ts.wallMillis() - latest.wallMillis();
      if (lead > maxLead) {
        return Optional.of(
            "future-dated: " + lead + " ahead of its latest predecessor, bound " + maxLead);
      }
      return Optional.empty();
    };
  }
}

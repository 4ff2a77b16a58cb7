package dev.entente.impl.trust;

import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.VersionVector;
import java.util.List;
import java.util.Optional;

/**
 * The rule that ties an envelope's hash links to its change's version vector: the linked changes
 * are exactly the maximal elements of {@code seen}. Stateless.
 *
 * <p>Checked as two conditions on the linked envelopes (all already accepted): (1) the join of
 * their pasts, each {@code link.seen} plus the link's own dot, equals {@code seen}; (2) no link is
 * in the past of another ({@code b.seen} does not cover {@code a}'s dot). Since an accepted
 * envelope's {@code seen} is the exact dot set of its hash-linked past, (1) says the links cover
 * exactly what {@code seen} claims, and (2) says none is redundant. A relay or a member that lies
 * about either, to hide a change or to claim one it never saw, is caught here.
 *
 * <p>Condition (2) is decided by hashes, not by dots alone: after an equivocation two versions
 * share one dot, and an honest writer links the version nobody built on beside a later change of
 * the same author that covers the dot but links the other version. {@code b.seen} covering {@code
 * a}'s dot makes {@code a} redundant only if {@code a} is really in {@code b}'s hash-linked past
 * (the relay simulator found this).
 */
final class HashLinks {
  private HashLinks() {}

  /** Why {@code linked} are not the maximal elements of {@code change.seen()}, or empty. */
  static Optional<String> disagreement(
      Change change, List<SignedEnvelope> linked, TrustSeams.HashPast past) {
    VersionVector join = VersionVector.EMPTY;
    for (SignedEnvelope link : linked) {
      Change c = link.change();
      join = join.merge(c.seen()).merge(VersionVector.EMPTY.with(c.author(), c.seq()));
    }
    if (!join.equals(change.seen())) {
      return Optional.of("the links' pasts join to " + join + ", seen is " + change.seen());
    }
    for (SignedEnvelope a : linked) {
      for (SignedEnvelope b : linked) {
        if (a != b && b.change().seen().covers(a.dot()) && past.contains(a, b)) {
          return Optional.of("link " + a.dot() + " is in the past of link " + b.dot());
        }
      }
    }
    return Optional.empty();
  }
}

package dev.entente.impl.trust;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.Op;
import dev.entente.model.VersionVector;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an envelope whose links are all accepted is valid. Its verdict depends only on
 * the envelope and its hash-linked past (the linked envelopes and the membership ops that past
 * covers), so every honest replica that accepted that past reaches the same verdict. Stateless
 * apart from the membership it reads.
 *
 * <p>Checks, in order, each failure a typed {@link Rejection}: the document id; the hash links
 * against {@code seen} ({@link HashLinks}); the author is a member at {@code seen}; the signature
 * under that member's key, alone or as a member of a batch ({@link BatchVerifier}); every op on a
 * membership key parses and is authorised ({@link Membership}); the timestamp against the linked
 * predecessors' ({@link TimestampRule}).
 */
final class EnvelopeVerifier {
  private final Hash32 documentId;
  private final Membership membership;
  private final BatchVerifier signatures;
  private final TrustSeams seams;

  EnvelopeVerifier(
      Hash32 documentId, Membership membership, BatchVerifier signatures, TrustSeams seams) {
    this.documentId = documentId;
    this.membership = membership;
    this.signatures = signatures;
    this.seams = seams;
  }

  /** Rejection for a wrong document, checked before the envelope waits for its links. */
  Optional<Rejection> checkDocument(SignedEnvelope e) {
    if (!e.document().equals(documentId)) {
      return Optional.of(new Rejection.WrongDocument(e.dot(), e.hash(), documentId, e.document()));
    }
    return Optional.empty();
  }

  /**
   * The first reason {@code e} is invalid, or empty if it is valid; {@code linked} are its links,
   * {@code past} answers ancestry among the accepted envelopes.
   */
  Optional<Rejection> verify(
      SignedEnvelope e, List<SignedEnvelope> linked, TrustSeams.HashPast past) {
    Optional<Rejection> wrongDocument = checkDocument(e);
    if (wrongDocument.isPresent()) {
      return wrongDocument;
    }
    Change change = e.change();
    Optional<String> links = seams.links().disagreement(change, linked, past);
    if (links.isPresent()) {
      return Optional.of(new Rejection.LinksDisagreeWithSeen(e.dot(), e.hash(), links.get()));
    }
    Optional<Member> author = membership.memberAt(change.author(), change.seen());
    if (author.isEmpty()) {
      return Optional.of(new Rejection.NotAMember(e.dot(), e.hash(), change.author()));
    }
    if (!signatureValid(author.get().key(), e)) {
      return Optional.of(new Rejection.BadSignature(e.dot(), e.hash(), author.get().key()));
    }
    Optional<Rejection> ops = checkMembershipOps(e, author.get());
    if (ops.isPresent()) {
      return ops;
    }
    return seams
        .timestamps()
        .violation(change, linked)
        .map(why -> new Rejection.BadTimestamp(e.dot(), e.hash(), why));
  }

  /**
   * With the real signature check, through the batch verifier (a batch signature or the envelope's
   * own); a mutant's replacement check sees the envelope's own signature only.
   */
  private boolean signatureValid(DevicePublicKey key, SignedEnvelope e) {
    if (seams.signatures() == TrustSeams.REAL.signatures()) {
      return signatures.verifies(key, e);
    }
    return seams.signatures().verify(key, e.signingInput(), e.signature());
  }

  private Optional<Rejection> checkMembershipOps(SignedEnvelope e, Member author) {
    List<Op> ops = e.change().ops();
    for (int i = 0; i < ops.size(); i++) {
      Optional<String> why = authorise(ops.get(i), author, e.change().seen());
      if (why.isPresent()) {
        return Optional.of(new Rejection.NotAuthorised(e.dot(), e.hash(), i, why.get()));
      }
    }
    return Optional.empty();
  }

  /** Why {@code author} may not make {@code op} at the causal point {@code seen}, or empty. */
  Optional<String> authorise(Op op, Member author, VersionVector seen) {
    Optional<MembershipOp> parsed;
    try {
      parsed = MembershipOp.parse(op);
    } catch (IllegalArgumentException bad) {
      return Optional.of("membership op does not parse: " + bad.getMessage());
    }
    return parsed.isEmpty() ? Optional.empty() : membership.authorise(author, parsed.get(), seen);
  }
}

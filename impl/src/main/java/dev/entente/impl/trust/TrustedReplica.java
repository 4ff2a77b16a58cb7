package dev.entente.impl.trust;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A replica that trusts no byte it receives: it takes {@link SignedEnvelope}s, verifies each before
 * it applies it, and signs its own changes with its device key. Sans-IO; mutable, not thread-safe.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>An envelope is applied only if it is valid ({@link EnvelopeVerifier}): for this document,
 *       hash links equal to the maximal elements of {@code seen}, author a member at {@code seen},
 *       signature valid under that member's key, membership ops authorised. Anything else comes
 *       back as a typed {@link Rejection} and changes nothing; valid envelopes around it are still
 *       applied.
 *   <li>An envelope whose links are not all accepted yet waits ({@link ReceiveResult.Pending}) and
 *       is verified as soon as they are; so acceptance is in causal (topological) order.
 *   <li>Equivocation (two valid envelopes with one dot) is detected when the second arrives; the
 *       rule of {@link Quarantine} applies (all versions quarantined, both kept as the proof).
 *   <li>The materialised map is a function of the set of accepted envelopes only: replicas that
 *       accepted the same envelopes show the same map, whatever the arrival order.
 *   <li>Sync by content: {@link #heads()} and {@link #envelopesNotBelow}; version vectors cannot
 *       tell two versions of one dot apart, so they are not used to decide what is missing.
 * </ul>
 */
public final class TrustedReplica {
  private final DeviceKeyPair keys;
  private final Supplier<Replica> replicas;
  private final Membership membership;
  private final EnvelopeVerifier verifier;
  private final TrustSeams seams;
  private final BatchVerifier signatures = new BatchVerifier();
  private Replica replica;
  private final Map<Hash32, SignedEnvelope> accepted = new HashMap<>();
  private final List<Hash32> acceptedOrder = new ArrayList<>();
  private final TreeSet<Hash32> heads = new TreeSet<>();
  private final Map<Dot, List<SignedEnvelope>> versions = new HashMap<>();
  // Candidates per hash: a relay may send a copy with a bad signature first, and that copy must
  // not shadow the genuine one (same hash, other signature) that arrives later.
  private final Map<Hash32, List<SignedEnvelope>> pending = new HashMap<>();
  private final Map<Hash32, List<Hash32>> waitingFor = new HashMap<>();
  private final List<Rejection> laterRejections = new ArrayList<>();
  // Dots with more than one version, counted in record() so receive() does not scan versions.
  private int equivocatedDots;

  private TrustedReplica(
      DocumentGenesis genesis, DeviceKeyPair keys, Supplier<Replica> replicas, TrustSeams seams) {
    this.keys = keys;
    this.replicas = replicas;
    this.membership = new Membership(genesis);
    this.seams = seams;
    this.verifier = new EnvelopeVerifier(genesis.documentId(), membership, signatures, seams);
    this.replica = replicas.get();
  }

  /**
   * Creates a replica of the document {@code genesis} names.
   *
   * @param keys this device's key pair
   * @param replicas makes a new empty replica (with this device's id) each time it is called: one
   *     now, and one each time an equivocation makes the state be rebuilt
   */
  public static TrustedReplica create(
      DocumentGenesis genesis, DeviceKeyPair keys, Supplier<Replica> replicas) {
    Check.argument(genesis != null, "genesis must not be null");
    Check.argument(keys != null, "keys must not be null");
    Check.argument(replicas != null, "replica factory must not be null");
    return new TrustedReplica(genesis, keys, replicas, TrustSeams.REAL);
  }

  /**
   * Like {@link #create(DocumentGenesis, DeviceKeyPair, Supplier)} with {@code seams} deciding
   * signatures, hash links and quarantine: the seam through which the simulator's mutants replace
   * one decision; production code uses the other overload ({@link TrustSeams#REAL}).
   */
  public static TrustedReplica create(
      DocumentGenesis genesis, DeviceKeyPair keys, Supplier<Replica> replicas, TrustSeams seams) {
    Check.argument(genesis != null, "genesis must not be null");
    Check.argument(keys != null, "keys must not be null");
    Check.argument(replicas != null, "replica factory must not be null");
    Check.argument(seams != null, "seams must not be null");
    return new TrustedReplica(genesis, keys, replicas, seams);
  }

  /** This document's id. */
  public Hash32 documentId() {
    return membership.genesis().documentId();
  }

  /** Sets {@code key} to {@code value}; see {@link #transact}. */
  public SignedEnvelope put(Key key, Value value) {
    return transact(List.of(new Op.Put(key, value)));
  }

  /** Adds or removes a member; see {@link #transact} and {@link Membership} for who may. */
  public SignedEnvelope changeMembership(MembershipOp op) {
    return transact(List.of(MembershipOp.toOp(op)));
  }

  /**
   * Makes, applies and signs one local change holding {@code ops}, linking the current heads.
   *
   * @throws IllegalStateException if this device is not a member now, or its member key is not this
   *     device's key
   * @throws IllegalArgumentException if a membership op is not authorised for this device's role
   */
  public SignedEnvelope transact(List<Op> ops) {
    Check.argument(ops != null, "ops must not be null");
    VersionVector seen = replica.versionVector();
    Member me = requireMemberWithThisKey();
    for (Op op : ops) {
      Optional<String> why = verifier.authorise(op, me, seen);
      Check.argument(why.isEmpty(), "%s may not %s: %s", me.id(), op, why.orElse(""));
    }
    List<Hash32> links = List.copyOf(heads);
    Change change = replica.transact(ops);
    SignedEnvelope envelope = SignedEnvelope.signed(documentId(), change, links, keys::sign);
    record(envelope);
    return envelope;
  }

  /**
   * Makes, applies and signs a batch of local changes, one per element of {@code batch} (data ops
   * only), each linking the heads after the one before, under one {@link BatchSignature}: one
   * Ed25519 signature for the whole batch instead of one per change.
   *
   * @throws IllegalArgumentException if {@code batch} is empty, longer than {@link
   *     BatchSignature#MAX_LEAVES}, or holds a membership op (membership changes are signed alone)
   * @throws IllegalStateException if this device is not a member with this key
   */
  public SignedBatch transactBatch(List<List<Op>> batch) {
    Check.argument(batch != null && !batch.isEmpty(), "a batch must not be empty");
    Check.argument(batch.size() <= BatchSignature.MAX_LEAVES, "at most 4096 changes per batch");
    for (List<Op> ops : batch) {
      Check.argument(
          ops.stream().noneMatch(MembershipOp::isMembershipKey),
          "membership ops are signed alone, not in a batch");
    }
    requireMemberWithThisKey();
    TreeSet<Hash32> nextHeads = new TreeSet<>(heads);
    List<Change> changes = new ArrayList<>(batch.size());
    List<List<Hash32>> links = new ArrayList<>(batch.size());
    List<Hash32> hashes = new ArrayList<>(batch.size());
    for (List<Op> ops : batch) {
      List<Hash32> l = List.copyOf(nextHeads);
      Change change = replica.transact(ops);
      Hash32 hash = SignedEnvelope.hashOf(documentId(), change, l);
      l.forEach(nextHeads::remove);
      nextHeads.add(hash);
      changes.add(change);
      links.add(l);
      hashes.add(hash);
    }
    BatchSignature signature = BatchSignature.sign(documentId(), hashes, keys::sign);
    signatures.signedHere(signature);
    List<SignedEnvelope> envelopes = new ArrayList<>(batch.size());
    for (int i = 0; i < changes.size(); i++) {
      SignedEnvelope e =
          SignedEnvelope.of(documentId(), changes.get(i), links.get(i), signature.signature());
      record(e);
      envelopes.add(e);
    }
    return new SignedBatch(signature, envelopes);
  }

  private Member requireMemberWithThisKey() {
    Member me =
        membership
            .memberAt(replica.id(), replica.versionVector())
            .orElseThrow(() -> new IllegalStateException(replica.id() + " is not a member"));
    Check.state(me.key().equals(keys.publicKey()), "%s is a member with another key", me.id());
    return me;
  }

  /**
   * Receives every envelope of a batch, in order; one result per envelope. A member whose hash the
   * batch signature does not list (tampered on the way) is rejected alone; the others are applied
   * where valid, exactly as if each had been signed alone.
   */
  public List<ReceiveResult> receive(SignedBatch batch) {
    Check.argument(batch != null, "batch must not be null");
    announce(batch.signature());
    List<ReceiveResult> out = new ArrayList<>(batch.envelopes().size());
    for (SignedEnvelope e : batch.envelopes()) {
      out.add(receive(e));
    }
    return out;
  }

  /**
   * Makes {@code signature} a candidate signature of the envelopes it lists, so that they verify
   * when they arrive on their own (forwarded by a peer together with {@link #batchOf}).
   */
  public void announce(BatchSignature signature) {
    Check.argument(signature != null, "batch signature must not be null");
    if (signature.document().equals(documentId())) {
      signatures.announce(signature);
    }
  }

  /** The batch signature that validated the accepted envelope {@code hash}, if it was batched. */
  public Optional<BatchSignature> batchOf(Hash32 hash) {
    return accepted.containsKey(hash) ? signatures.batchOf(hash) : Optional.empty();
  }

  /** The accepted envelopes no other accepted envelope links to, sorted by hash. */
  public List<Hash32> heads() {
    return List.copyOf(heads);
  }

  /** The accepted envelope with {@code hash}, if any. */
  public Optional<SignedEnvelope> envelope(Hash32 hash) {
    return Optional.ofNullable(accepted.get(hash));
  }

  /**
   * The accepted envelopes that are not in the hash-linked past of {@code remoteHeads}, in
   * acceptance (topological) order: what a peer with those heads is missing. Remote heads this
   * replica does not know are ignored; the peer's own envelopes then come back as missing links.
   */
  public List<SignedEnvelope> envelopesNotBelow(Collection<Hash32> remoteHeads) {
    Set<Hash32> below = new HashSet<>();
    Deque<Hash32> todo = new ArrayDeque<>(remoteHeads);
    while (!todo.isEmpty()) {
      Hash32 h = todo.poll();
      SignedEnvelope e = accepted.get(h);
      if (e != null && below.add(h)) {
        todo.addAll(e.links());
      }
    }
    List<SignedEnvelope> out = new ArrayList<>();
    for (Hash32 h : acceptedOrder) {
      if (!below.contains(h)) {
        out.add(accepted.get(h));
      }
    }
    return out;
  }

  /** One proof per equivocated dot (its two smallest-hash versions), sorted by dot. */
  public List<EquivocationProof> equivocations() {
    TreeMap<Dot, EquivocationProof> out = new TreeMap<>();
    versions.forEach(
        (dot, v) -> {
          if (v.size() > 1) {
            out.put(dot, new EquivocationProof(v.get(0), v.get(1)));
          }
        });
    return List.copyOf(out.values());
  }

  /** What a reader sees now (quarantined dots contribute nothing). */
  public MaterialisedMap materialise() {
    return replica.materialise();
  }

  /** The member {@code id} at this replica's current causal point. */
  public Optional<Member> memberNow(dev.entente.model.ReplicaId id) {
    return membership.memberAt(id, replica.versionVector());
  }

  /** Number of accepted envelopes (every version of an equivocated dot counts). */
  public int acceptedCount() {
    return acceptedOrder.size();
  }

  /** Number of envelope hashes waiting for links. */
  public int pendingCount() {
    return pending.size();
  }

  /** Envelopes refused when their links arrived (they had waited as pending), oldest first. */
  public List<Rejection> rejectedAfterWaiting() {
    return List.copyOf(laterRejections);
  }

  /** The version vector of the replica underneath: the dots of the accepted envelopes. */
  public VersionVector versionVector() {
    return replica.versionVector();
  }

  /** Decodes and receives an envelope from the network. */
  public ReceiveResult receive(byte[] bytes) {
    Check.argument(bytes != null, "bytes must not be null");
    try {
      return receive(EnvelopeCodec.decode(bytes));
    } catch (DecodeException e) {
      return new ReceiveResult.Rejected(new Rejection.Malformed(e.offset(), e.field(), e.reason()));
    }
  }

  /** Verifies and, if valid, applies an envelope; see the class contract. */
  public ReceiveResult receive(SignedEnvelope envelope) {
    Check.argument(envelope != null, "envelope must not be null");
    Hash32 hash = envelope.hash();
    if (isKnown(envelope)) {
      return new ReceiveResult.Duplicate(hash);
    }
    Optional<Rejection> wrongDocument = verifier.checkDocument(envelope);
    if (wrongDocument.isPresent()) {
      return new ReceiveResult.Rejected(wrongDocument.get());
    }
    List<Hash32> missing = missingLinks(envelope);
    if (!missing.isEmpty()) {
      boolean first = !pending.containsKey(hash);
      pending.computeIfAbsent(hash, h -> new ArrayList<>()).add(envelope);
      if (!first) {
        return new ReceiveResult.Pending(hash, missing);
      }
      missing.forEach(m -> waitingFor.computeIfAbsent(m, k -> new ArrayList<>()).add(hash));
      return new ReceiveResult.Pending(hash, missing);
    }
    int quarantinedBefore = equivocatedDots();
    Optional<Rejection> rejection = verifyAndAccept(envelope);
    if (rejection.isPresent()) {
      return new ReceiveResult.Rejected(rejection.get());
    }
    List<Hash32> acceptedNow = new ArrayList<>(List.of(hash));
    acceptedNow.addAll(releasePending(hash));
    return new ReceiveResult.Accepted(acceptedNow, equivocatedDots() > quarantinedBefore);
  }

  /** Receives both envelopes of a proof (each is verified like any envelope). */
  public void receive(EquivocationProof proof) {
    receive(proof.first());
    receive(proof.second());
  }

  private boolean isKnown(SignedEnvelope envelope) {
    // An accepted hash is known whatever the signature: the content is the same change.
    return accepted.containsKey(envelope.hash())
        || pending.getOrDefault(envelope.hash(), List.of()).contains(envelope);
  }

  private List<Hash32> missingLinks(SignedEnvelope envelope) {
    List<Hash32> missing = new ArrayList<>();
    for (Hash32 link : envelope.links()) {
      if (!accepted.containsKey(link)) {
        missing.add(link);
      }
    }
    return missing;
  }

  private Optional<Rejection> verifyAndAccept(SignedEnvelope envelope) {
    List<SignedEnvelope> links = new ArrayList<>();
    for (Hash32 link : envelope.links()) {
      links.add(accepted.get(link));
    }
    Optional<Rejection> rejection = verifier.verify(envelope, links, this::inHashPast);
    if (rejection.isPresent()) {
      return rejection;
    }
    List<SignedEnvelope> known = versions.getOrDefault(envelope.dot(), List.of());
    if (known.isEmpty()) {
      ApplyResult result = replica.apply(envelope.change());
      if (result instanceof ApplyResult.Rejected r) {
        return Optional.of(new Rejection.Refused(envelope.dot(), envelope.hash(), r.reason()));
      }
    }
    record(envelope);
    if (!known.isEmpty()
        && seams.quarantine().quarantines(versions.getOrDefault(envelope.dot(), List.of()))) {
      rebuild();
    }
    return Optional.empty();
  }

  /** True if {@code ancestor} is reachable from {@code descendant} along accepted hash links. */
  private boolean inHashPast(SignedEnvelope ancestor, SignedEnvelope descendant) {
    Set<Hash32> visited = new HashSet<>();
    Deque<Hash32> todo = new ArrayDeque<>(descendant.links());
    while (!todo.isEmpty()) {
      Hash32 h = todo.poll();
      if (h.equals(ancestor.hash())) {
        return true;
      }
      SignedEnvelope e = accepted.get(h);
      if (e != null && visited.add(h)) {
        todo.addAll(e.links());
      }
    }
    return false;
  }

  private void record(SignedEnvelope envelope) {
    accepted.put(envelope.hash(), envelope);
    acceptedOrder.add(envelope.hash());
    // Links are accepted before the envelope that names them, so a new envelope is a head.
    envelope.links().forEach(heads::remove);
    heads.add(envelope.hash());
    List<SignedEnvelope> v = versions.computeIfAbsent(envelope.dot(), d -> new ArrayList<>(1));
    v.add(envelope);
    if (v.size() > 1) {
      equivocatedDots += v.size() == 2 ? 1 : 0;
      v.sort((a, b) -> a.hash().compareTo(b.hash()));
    }
    Change change = envelope.change();
    for (Op op : change.ops()) {
      MembershipOp.parse(op).ifPresent(m -> membership.record(change.dot(), change.seen(), m));
    }
  }

  private List<Hash32> releasePending(Hash32 first) {
    List<Hash32> released = new ArrayList<>();
    Deque<Hash32> newlyAccepted = new ArrayDeque<>(List.of(first));
    while (!newlyAccepted.isEmpty()) {
      List<Hash32> waiting = waitingFor.remove(newlyAccepted.poll());
      for (Hash32 h : waiting == null ? List.<Hash32>of() : waiting) {
        List<SignedEnvelope> candidates = pending.get(h);
        if (candidates == null || !missingLinks(candidates.get(0)).isEmpty()) {
          continue;
        }
        pending.remove(h);
        if (acceptFirstValid(candidates)) {
          released.add(h);
          newlyAccepted.add(h);
        }
      }
    }
    return released;
  }

  private boolean acceptFirstValid(List<SignedEnvelope> candidates) {
    for (SignedEnvelope e : candidates) {
      Optional<Rejection> rejection = verifyAndAccept(e);
      if (rejection.isEmpty()) {
        return true;
      }
      laterRejections.add(rejection.get());
    }
    return false;
  }

  /**
   * Rebuilds the replica underneath from the accepted envelopes in acceptance order, with every
   * equivocated dot replaced by its {@link Quarantine#placeholder}. Runs only when an equivocation
   * is found, which is rare and always someone's misbehaviour.
   */
  private void rebuild() {
    Replica fresh = replicas.get();
    Check.state(fresh.id().equals(replica.id()), "the replica factory changed the replica id");
    Set<Dot> placed = new HashSet<>();
    for (Hash32 h : acceptedOrder) {
      SignedEnvelope e = Objects.requireNonNull(accepted.get(h));
      List<SignedEnvelope> all = Objects.requireNonNull(versions.get(e.dot()));
      if (all.size() == 1) {
        fresh.apply(e.change());
      } else if (placed.add(e.dot())) {
        fresh.apply(Quarantine.placeholder(all));
      }
    }
    replica = fresh;
  }

  private int equivocatedDots() {
    return equivocatedDots;
  }
}

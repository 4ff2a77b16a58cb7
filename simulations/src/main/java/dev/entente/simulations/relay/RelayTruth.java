package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.model.Dot;
import dev.entente.model.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What only the simulator knows about a relay run, for the checkers: which envelopes the relay
 * forged or tampered into another valid-looking envelope, what the Byzantine member equivocated and
 * lied about, which envelopes honest members wrote, what each signed head covered when it was
 * signed, and which plaintext and key bytes were written. Mutable while the run goes.
 */
public final class RelayTruth {
  private final Set<Hash32> forged = new HashSet<>();
  private final Set<Hash32> tampered = new HashSet<>();
  private final Set<Hash32> lyingLinks = new HashSet<>();
  private final TreeMap<Dot, List<Value>> equivocations = new TreeMap<>();
  private final Map<Hash32, Integer> honest = new HashMap<>();
  private final Map<String, Set<Hash32>> headCoverage = new HashMap<>();
  private final Set<Hash32> tamperedPayloads = new HashSet<>();
  private final List<Value> plaintexts = new java.util.ArrayList<>();
  private final List<byte[]> secrets = new java.util.ArrayList<>();
  private int forgedHeads;
  private final Set<Hash32> removedWrites = new HashSet<>();
  private final Map<Hash32, Hash32> sealedAfterRemoval = new HashMap<>();
  private final Set<Hash32> removedMemberEpochs = new HashSet<>();

  private final Set<Hash32> skewedTimestamps = new HashSet<>();

  void skewedTimestamp(Hash32 envelope) {
    skewedTimestamps.add(envelope);
  }

  /** Envelopes the Byzantine member signed with a back- or future-dated timestamp. */
  public Set<Hash32> skewedTimestamps() {
    return Set.copyOf(skewedTimestamps);
  }

  void removedWrite(Hash32 envelope) {
    removedWrites.add(envelope);
  }

  void sealedAfterRemoval(Hash32 epoch, Hash32 envelope) {
    sealedAfterRemoval.put(envelope, epoch);
  }

  void removedMemberEpochs(List<Hash32> epochs) {
    removedMemberEpochs.addAll(epochs);
  }

  /** Writes the removed member signed after it knew of its removal. */
  public Set<Hash32> removedWrites() {
    return Set.copyOf(removedWrites);
  }

  /** Envelopes honest writers sealed after they had accepted the removal, with their epochs. */
  public Map<Hash32, Hash32> sealedAfterRemoval() {
    return Map.copyOf(sealedAfterRemoval);
  }

  /** The epochs the removed member could read at the end of the run. */
  public Set<Hash32> removedMemberEpochs() {
    return Set.copyOf(removedMemberEpochs);
  }

  void tamperedPayload(Hash32 payload) {
    tamperedPayloads.add(payload);
  }

  void plaintext(Value v) {
    plaintexts.add(v);
  }

  void secret(byte[] key) {
    secrets.add(key.clone());
  }

  /** SHA-256 of the payload of every frame the relay tampered with. */
  public Set<Hash32> tamperedPayloads() {
    return Set.copyOf(tamperedPayloads);
  }

  /** Every value a member wrote. */
  public List<Value> plaintexts() {
    return List.copyOf(plaintexts);
  }

  /** Every device seed and readable epoch secret of the run (copies). */
  public List<byte[]> secrets() {
    return secrets.stream().map(byte[]::clone).toList();
  }

  void forged(Hash32 envelope) {
    forged.add(envelope);
  }

  void forgedHead() {
    forgedHeads++;
  }

  void tampered(Hash32 envelope) {
    tampered.add(envelope);
  }

  void lyingLinks(Hash32 envelope) {
    lyingLinks.add(envelope);
  }

  void equivocated(Dot dot, Value first, Value second) {
    equivocations.put(dot, List.of(first, second));
  }

  void honestEnvelope(Hash32 envelope, int author) {
    honest.put(envelope, author);
  }

  void headCovers(SignedHead head, Set<Hash32> accepted) {
    headCoverage.put(head.author() + "#" + head.counter(), Set.copyOf(accepted));
  }

  /** Envelope hashes the relay forged. */
  public Set<Hash32> forged() {
    return Set.copyOf(forged);
  }

  /** Number of signed heads the relay forged. */
  public int forgedHeads() {
    return forgedHeads;
  }

  /** Hashes of envelopes that a tampered frame decoded to (a different, unsigned change). */
  public Set<Hash32> tampered() {
    return Set.copyOf(tampered);
  }

  /** Envelopes the Byzantine member signed with links that disagree with their seen. */
  public Set<Hash32> lyingLinks() {
    return Set.copyOf(lyingLinks);
  }

  /** The dots the Byzantine member equivocated on, with the values of the two versions. */
  public TreeMap<Dot, List<Value>> equivocations() {
    return new TreeMap<>(equivocations);
  }

  /** Every envelope an honest member wrote, with its author's index. */
  public Map<Hash32, Integer> honestEnvelopes() {
    return Map.copyOf(honest);
  }

  /** The envelopes the signer of {@code head} had accepted when it signed it (empty if unknown). */
  public Set<Hash32> coveredBy(SignedHead head) {
    return headCoverage.getOrDefault(head.author() + "#" + head.counter(), Set.of());
  }
}

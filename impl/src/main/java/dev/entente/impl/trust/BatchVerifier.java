package dev.entente.impl.trust;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an envelope's signature is valid under a member key, alone or as a member of a
 * batch. A batch's one Ed25519 verification is done once per (batch, key) and remembered, so the
 * other members of the batch cost a set lookup. Mutable (it learns batches), not thread-safe.
 *
 * <p>Every announced batch is kept as a candidate for each hash it lists, so a relay cannot shadow
 * the genuine batch of an envelope by announcing a bogus one first; candidates whose signature does
 * not verify are simply never used.
 */
final class BatchVerifier {
  private final Map<Hash32, List<BatchSignature>> candidates = new HashMap<>();
  private final Map<BatchSignature, Set<DevicePublicKey>> verifiedUnder = new HashMap<>();
  private final Map<Hash32, BatchSignature> usedFor = new HashMap<>();

  /** Remembers {@code batch} as a candidate signature of each envelope it lists. */
  void announce(BatchSignature batch) {
    for (Hash32 leaf : batch.leaves()) {
      List<BatchSignature> list = candidates.computeIfAbsent(leaf, h -> new ArrayList<>(1));
      if (!list.contains(batch)) {
        list.add(batch);
      }
    }
  }

  /** Remembers a batch this replica signed itself: its envelopes are batched and need no check. */
  void signedHere(BatchSignature batch) {
    announce(batch);
    for (Hash32 leaf : batch.leaves()) {
      usedFor.put(leaf, batch);
    }
  }

  /** True if {@code e}'s signature is valid under {@code key}, alone or through a batch. */
  boolean verifies(DevicePublicKey key, SignedEnvelope e) {
    byte[] signature = e.signature();
    for (BatchSignature batch : candidates.getOrDefault(e.hash(), List.of())) {
      if (batch.isSignatureOf(signature) && batchVerifies(batch, key)) {
        usedFor.put(e.hash(), batch);
        return true;
      }
    }
    return Ed25519.verify(key, e.signingInput(), signature);
  }

  private boolean batchVerifies(BatchSignature batch, DevicePublicKey key) {
    Set<DevicePublicKey> keys = verifiedUnder.get(batch);
    if (keys != null && keys.contains(key)) {
      return true;
    }
    if (!batch.verifies(key)) {
      return false;
    }
    verifiedUnder.computeIfAbsent(batch, b -> new HashSet<>()).add(key);
    return true;
  }

  /** The batch signature that validated the accepted envelope {@code hash}, if it was batched. */
  Optional<BatchSignature> batchOf(Hash32 hash) {
    return Optional.ofNullable(usedFor.get(hash));
  }
}

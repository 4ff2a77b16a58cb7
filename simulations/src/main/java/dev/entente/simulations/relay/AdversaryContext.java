package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.model.ReplicaId;
import dev.entente.simulations.random.Prng;
import java.util.List;

/**
 * What the relay's attacks share: the adversary's own seeded generator, the document id and client
 * ids (metadata the relay sees), a key that is no member's (to forge with), the relay's store, and
 * the ground truth the checkers read (what it forged and tampered).
 *
 * @param prng the adversary's generator, forked from the run's seed
 * @param document the document id
 * @param clients the client ids, by index
 * @param forgerKey a key pair that belongs to no member
 * @param store the relay's stored frames, in storing order (live view)
 * @param truth the run's ground truth, which the attacks add their forgeries to
 * @param start the first round of the attack window
 * @param end the first round after the attack window
 */
record AdversaryContext(
    Prng prng,
    Hash32 document,
    List<ReplicaId> clients,
    DeviceKeyPair forgerKey,
    List<StoredFrame> store,
    RelayTruth truth,
    int start,
    int end) {}

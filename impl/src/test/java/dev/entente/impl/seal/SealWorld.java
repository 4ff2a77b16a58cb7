package dev.entente.impl.seal;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DevicePublicKey;
import dev.entente.impl.trust.DocumentGenesis;
import dev.entente.impl.trust.Member;
import dev.entente.impl.trust.MembershipOp;
import dev.entente.impl.trust.Role;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small sealed document for the seal tests: an owner and writers, each with a trusted replica and
 * a keyring; every key derives from the device name and a seed, so every run is the same.
 */
final class SealWorld {
  final Map<String, TrustedReplica> replicas = new LinkedHashMap<>();
  final Map<String, EpochKeyring> keyrings = new LinkedHashMap<>();
  final DocumentGenesis genesis;
  private final long seed;
  private final SealSeams seams;

  SealWorld(long seed, SealSeams seams, String... writers) {
    this.seed = seed;
    this.seams = seams;
    this.genesis = new DocumentGenesis("doc", ReplicaId.of("owner"), device("owner").publicKey());
    join("owner");
    for (String w : writers) {
      replicas.get("owner").changeMembership(add(w));
      join(w);
    }
    syncAll();
  }

  SealWorld(long seed, String... writers) {
    this(seed, SealSeams.standard(SeededEntropy.of(seed, "nonces")), writers);
  }

  static DeviceKeyPair device(String name) {
    return DeviceKeyPair.fromSeed(sha("device/" + name));
  }

  static AgreementKeyPair agreement(String name) {
    return AgreementKeyPair.fromSeed(sha("x25519/" + name));
  }

  static byte[] sha(String s) {
    return Hash32.sha256(s.getBytes(StandardCharsets.UTF_8)).bytes();
  }

  static MembershipOp.Add add(String name) {
    return new MembershipOp.Add(ReplicaId.of(name), Role.WRITER, device(name).publicKey());
  }

  /** The owner adds {@code name} as a writer; everyone syncs. */
  void addMember(String name) {
    replicas.get("owner").changeMembership(add(name));
    join(name);
    syncAll();
  }

  private void join(String name) {
    LamportClock clock = new LamportClock();
    replicas.put(
        name,
        TrustedReplica.create(
            genesis,
            device(name),
            () ->
                Replica.create(
                    ReplicaId.of(name), RegisterPolicy.MV, KeyGroups.singletons(), clock)));
    keyrings.put(
        name,
        EpochKeyring.create(
            genesis.documentId(),
            ReplicaId.of(name),
            device(name),
            agreement(name),
            SeededEntropy.of(seed, "device/" + name),
            seams,
            Padding.PADME));
  }

  Hash32 doc() {
    return genesis.documentId();
  }

  TrustedReplica replica(String name) {
    return replicas.get(name);
  }

  EpochKeyring keyring(String name) {
    return keyrings.get(name);
  }

  /** Everyone receives everyone's envelopes directly (membership only; data goes sealed). */
  void syncAll() {
    for (TrustedReplica from : replicas.values()) {
      for (TrustedReplica to : replicas.values()) {
        for (SignedEnvelope e : from.envelopesNotBelow(to.heads())) {
          to.receive(e);
        }
      }
    }
  }

  /** The roster of the members {@code name}'s replica knows now. */
  Roster membersSeenBy(String name) {
    List<Recipient> out = new ArrayList<>();
    for (String other : keyrings.keySet()) {
      if (replica(name).memberNow(ReplicaId.of(other)).isPresent()) {
        out.add(keyring(other).recipient());
      }
    }
    return Roster.of(out);
  }

  /** The member keys {@code name}'s replica knows now, for receiving rotations. */
  java.util.function.Function<ReplicaId, Optional<DevicePublicKey>> memberKeys(String name) {
    return id -> replica(name).memberNow(id).map(Member::key);
  }

  /** {@code name} writes {@code key=value} and seals it; the rotation, if any, goes to everyone. */
  Sealed write(String name, String key, String value) {
    SignedEnvelope e = replica(name).put(Key.of(key), Value.of(value));
    Sealed sealed = keyring(name).seal(e, membersSeenBy(name));
    sealed.rotation().ifPresent(this::deliverRotation);
    return sealed;
  }

  void deliverRotation(EpochRotation r) {
    for (String other : keyrings.keySet()) {
      keyring(other).receive(r.bytes(), memberKeys(other));
    }
  }
}

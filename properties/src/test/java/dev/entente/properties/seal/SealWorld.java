package dev.entente.properties.seal;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.seal.AgreementKeyPair;
import dev.entente.impl.seal.EpochKeyring;
import dev.entente.impl.seal.Padding;
import dev.entente.impl.seal.Recipient;
import dev.entente.impl.seal.Roster;
import dev.entente.impl.seal.SealSeams;
import dev.entente.impl.seal.SeededEntropy;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DocumentGenesis;
import dev.entente.impl.trust.Member;
import dev.entente.impl.trust.MembershipOp;
import dev.entente.impl.trust.Role;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An owner and two writers of one document, each with a trusted replica and a keyring whose secrets
 * derive from a seed: the world the seal properties draw frames from.
 */
final class SealWorld {
  static final List<String> DEVICES = List.of("owner", "w1", "w2");

  final DocumentGenesis genesis;
  final Map<String, TrustedReplica> replicas = new LinkedHashMap<>();
  final Map<String, EpochKeyring> keyrings = new LinkedHashMap<>();

  SealWorld(long seed) {
    genesis = new DocumentGenesis("doc", ReplicaId.of("owner"), device("owner").publicKey());
    for (String name : DEVICES) {
      replicas.put(name, replica(name));
      keyrings.put(name, keyring(name, seed));
    }
    TrustedReplica owner = replicas.get("owner");
    for (String w : DEVICES.subList(1, DEVICES.size())) {
      owner.changeMembership(
          new MembershipOp.Add(ReplicaId.of(w), Role.WRITER, device(w).publicKey()));
    }
    syncAll();
  }

  static byte[] sha(String s) {
    return Hash32.sha256(s.getBytes(StandardCharsets.UTF_8)).bytes();
  }

  static DeviceKeyPair device(String name) {
    return DeviceKeyPair.fromSeed(sha("device/" + name));
  }

  private TrustedReplica replica(String name) {
    LamportClock clock = new LamportClock();
    return TrustedReplica.create(
        genesis,
        device(name),
        () -> Replica.create(ReplicaId.of(name), RegisterPolicy.MV, KeyGroups.singletons(), clock));
  }

  /** A keyring for {@code name}; a new one each call (so a fresh opener with no memory). */
  EpochKeyring keyring(String name, long seed) {
    return EpochKeyring.create(
        genesis.documentId(),
        ReplicaId.of(name),
        device(name),
        AgreementKeyPair.fromSeed(sha("x25519/" + name)),
        SeededEntropy.of(seed, name),
        SealSeams.standard(SeededEntropy.of(seed, name + "/nonces")),
        Padding.PADME);
  }

  void syncAll() {
    for (TrustedReplica from : replicas.values()) {
      for (TrustedReplica to : replicas.values()) {
        for (SignedEnvelope e : from.envelopesNotBelow(to.heads())) {
          to.receive(e);
        }
      }
    }
  }

  /** The roster of the members {@code name} knows now. */
  Roster members(String name) {
    List<Recipient> out = new ArrayList<>();
    for (String other : DEVICES) {
      if (replicas.get(name).memberNow(ReplicaId.of(other)).isPresent()) {
        out.add(keyrings.get(other).recipient());
      }
    }
    return Roster.of(out);
  }

  /** A fresh opener for {@code name} with every epoch of {@code rotations} installed. */
  EpochKeyring opener(String name, long seed, List<dev.entente.impl.seal.EpochRotation> rotations) {
    EpochKeyring k = keyring(name, seed);
    TrustedReplica view = replicas.get(name);
    for (dev.entente.impl.seal.EpochRotation r : rotations) {
      k.receive(r, id -> view.memberNow(id).map(Member::key));
    }
    return k;
  }
}

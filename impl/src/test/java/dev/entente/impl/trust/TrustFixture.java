package dev.entente.impl.trust;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.Hash32;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import java.nio.charset.StandardCharsets;

/** Deterministic devices and replicas of one document for the trust tests. */
final class TrustFixture {
  static final ReplicaId OWNER = ReplicaId.of("owner");

  private TrustFixture() {}

  /** The key pair seeded by SHA-256 of {@code name}: the same on every run. */
  static DeviceKeyPair keys(String name) {
    return DeviceKeyPair.fromSeed(Hash32.sha256(name.getBytes(StandardCharsets.UTF_8)).bytes());
  }

  static DocumentGenesis genesis() {
    return new DocumentGenesis("doc", OWNER, keys("owner").publicKey());
  }

  /** A replica of {@link #genesis()} for device {@code id}, keyed by {@link #keys(String)}. */
  static TrustedReplica replica(String id, RegisterPolicy policy) {
    LamportClock clock = new LamportClock();
    return TrustedReplica.create(
        genesis(),
        keys(id),
        () -> Replica.create(ReplicaId.of(id), policy, KeyGroups.singletons(), clock));
  }

  static TrustedReplica replica(String id) {
    return replica(id, RegisterPolicy.MV);
  }
}

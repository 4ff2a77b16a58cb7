package dev.entente.properties.trust;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DocumentGenesis;
import dev.entente.impl.trust.MembershipOp;
import dev.entente.impl.trust.Role;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small document world for the trust properties: an owner, an admin and two writers, seeded keys,
 * and a script of writes and syncs drawn from a seed; plus the forgeries an attacker without member
 * keys (or with a writer's key but no right) can make from what it saw.
 */
final class TrustWorld {
  static final List<String> AUTHORS = List.of("owner", "adm", "w1", "w2");
  static final List<Key> KEYS = List.of(Key.of("a"), Key.of("b"), Key.of("c"));

  private TrustWorld() {}

  static DeviceKeyPair keys(String name) {
    return DeviceKeyPair.fromSeed(Hash32.sha256(name.getBytes(StandardCharsets.UTF_8)).bytes());
  }

  static DocumentGenesis genesis() {
    return new DocumentGenesis("doc", ReplicaId.of("owner"), keys("owner").publicKey());
  }

  static TrustedReplica replica(String id, RegisterPolicy policy) {
    LamportClock clock = new LamportClock();
    return TrustedReplica.create(
        genesis(),
        keys(id),
        () -> Replica.create(ReplicaId.of(id), policy, KeyGroups.singletons(), clock));
  }

  static void sync(TrustedReplica from, TrustedReplica to) {
    for (SignedEnvelope e : from.envelopesNotBelow(to.heads())) {
      to.receive(e);
    }
  }

  /** The authors after the owner added the admin and the admin added both writers. */
  static List<TrustedReplica> members(RegisterPolicy policy) {
    List<TrustedReplica> out = new ArrayList<>();
    for (String a : AUTHORS) {
      out.add(replica(a, policy));
    }
    TrustedReplica owner = out.get(0);
    TrustedReplica admin = out.get(1);
    owner.changeMembership(add("adm", Role.ADMIN));
    sync(owner, admin);
    admin.changeMembership(add("w1", Role.WRITER));
    admin.changeMembership(add("w2", Role.WRITER));
    for (TrustedReplica r : out) {
      sync(admin, r);
    }
    return out;
  }

  static MembershipOp.Add add(String id, Role role) {
    return new MembershipOp.Add(ReplicaId.of(id), role, keys(id).publicKey());
  }

  /** Runs {@code steps} random writes and pairwise syncs; returns every envelope made. */
  static List<SignedEnvelope> script(List<TrustedReplica> authors, long seed, int steps) {
    Random random = new Random(seed);
    for (int i = 0; i < steps; i++) {
      TrustedReplica r = authors.get(random.nextInt(authors.size()));
      if (random.nextInt(4) == 0) {
        sync(r, authors.get(random.nextInt(authors.size())));
      } else {
        Key key = KEYS.get(random.nextInt(KEYS.size()));
        r.put(key, Value.of("v" + i));
      }
    }
    return allEnvelopes(authors);
  }

  static List<SignedEnvelope> allEnvelopes(List<TrustedReplica> authors) {
    List<SignedEnvelope> out = new ArrayList<>();
    for (TrustedReplica r : authors) {
      for (SignedEnvelope e : r.envelopesNotBelow(List.of())) {
        if (!out.contains(e)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /**
   * Forgeries from {@code seen}: each envelope re-signed by a non-member, with its value changed
   * and the old signature kept, and a writer trying to make itself admin.
   */
  static List<SignedEnvelope> forgeries(List<SignedEnvelope> seen) {
    List<SignedEnvelope> out = new ArrayList<>();
    DeviceKeyPair mallory = keys("mallory");
    for (SignedEnvelope e : seen) {
      out.add(SignedEnvelope.signed(e.document(), e.change(), e.links(), mallory::sign));
      Change c = e.change();
      Change altered =
          new Change(
              c.author(),
              c.seq(),
              c.timestamp(),
              c.seen(),
              List.of(new Op.Put(KEYS.get(0), Value.of("forged"))));
      out.add(SignedEnvelope.of(e.document(), altered, e.links(), e.signature()));
      Change promote =
          new Change(
              ReplicaId.of("w1"),
              1_000_000,
              new HlcTimestamp(1, 0),
              c.seen().with(ReplicaId.of("w1"), 999_999),
              List.of(
                  new Op.Put(
                      Key.of(MembershipOp.PREFIX + "w1"),
                      Value.of("admin " + keys("w1").publicKey().toHex()))));
      out.add(SignedEnvelope.signed(e.document(), promote, List.of(e.hash()), keys("w1")::sign));
    }
    return out;
  }
}

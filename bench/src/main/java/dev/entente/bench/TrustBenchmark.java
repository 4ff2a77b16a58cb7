package dev.entente.bench;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DocumentGenesis;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of authenticity (issue 9): Ed25519 sign and verify with the JDK's SunEC against
 * BouncyCastle's lightweight API, over the 87-byte signing input of an envelope; and applying a
 * batch of {@value #BATCH} single-put changes to an MV replica, unsigned ({@link Replica#apply})
 * against verified ({@link TrustedReplica#receive}: decode-free, links, membership, one signature
 * verification per change).
 *
 * <p>Method: the apply benchmarks build a fresh replica per invocation and apply the same {@value
 * #BATCH} prebuilt changes (a chain by one author), so the score per change includes 1/{@value
 * #BATCH} of a replica's creation, alike for both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrustBenchmark {
  static final int BATCH = 64;

  /** Keys, a message and its signatures, built once. */
  @State(Scope.Benchmark)
  public static class Keys {
    java.security.KeyPair jdk;
    byte[] message;
    byte[] jdkSignature;
    Ed25519PrivateKeyParameters bcPrivate;
    Ed25519PublicKeyParameters bcPublic;
    byte[] bcSignature;

    /** Derives both key pairs from one seed (outside the measurement). */
    @Setup(Level.Trial)
    public void build() {
      byte[] seed = Hash32.sha256("bench".getBytes(StandardCharsets.UTF_8)).bytes();
      jdk = JdkEd25519.keyPair(seed);
      message = SignedEnvelope.signingInput(Hash32.sha256(seed), Hash32.sha256(seed, seed));
      jdkSignature = JdkEd25519.sign(jdk, message);
      bcPrivate = new Ed25519PrivateKeyParameters(seed, 0);
      bcPublic = bcPrivate.generatePublicKey();
      bcSignature = bcSign(bcPrivate, message);
    }
  }

  /** One author's chain of {@value #BATCH} puts, as plain changes and as signed envelopes. */
  @State(Scope.Benchmark)
  public static class Chain {
    static final ReplicaId OWNER = ReplicaId.of("owner");
    DocumentGenesis genesis;
    Change[] changes;
    SignedEnvelope[] envelopes;

    /** Makes the chain on an owner replica (outside the measurement). */
    @Setup(Level.Trial)
    public void build() {
      DeviceKeyPair owner =
          DeviceKeyPair.fromSeed(Hash32.sha256("owner".getBytes(StandardCharsets.UTF_8)).bytes());
      genesis = new DocumentGenesis("bench", OWNER, owner.publicKey());
      TrustedReplica author = trusted(genesis, owner, OWNER);
      envelopes = new SignedEnvelope[BATCH];
      changes = new Change[BATCH];
      for (int i = 0; i < BATCH; i++) {
        envelopes[i] = author.put(Key.of("k" + (i % 16)), Value.of("value " + i));
        changes[i] = envelopes[i].change();
      }
    }
  }

  static TrustedReplica trusted(DocumentGenesis genesis, DeviceKeyPair keys, ReplicaId id) {
    LamportClock clock = new LamportClock();
    return TrustedReplica.create(
        genesis, keys, () -> Replica.create(id, RegisterPolicy.MV, KeyGroups.singletons(), clock));
  }

  static byte[] bcSign(Ed25519PrivateKeyParameters key, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  @Benchmark
  public byte[] jdkSign(Keys k) {
    return JdkEd25519.sign(k.jdk, k.message);
  }

  @Benchmark
  public boolean jdkVerify(Keys k) {
    return JdkEd25519.verify(k.jdk, k.message, k.jdkSignature);
  }

  @Benchmark
  public byte[] bcSign(Keys k) {
    return bcSign(k.bcPrivate, k.message);
  }

  @Benchmark
  public boolean bcVerify(Keys k) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, k.bcPublic);
    verifier.update(k.message, 0, k.message.length);
    return verifier.verifySignature(k.bcSignature);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void unsignedApply(Chain c, Blackhole bh) {
    Replica r =
        Replica.create(
            ReplicaId.of("r"), RegisterPolicy.MV, KeyGroups.singletons(), new LamportClock());
    for (Change change : c.changes) {
      bh.consume(r.apply(change));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void verifiedApply(Chain c, Blackhole bh) {
    TrustedReplica r = trusted(c.genesis, KEYS, ReplicaId.of("r"));
    for (SignedEnvelope e : c.envelopes) {
      bh.consume(r.receive(e));
    }
  }

  private static final DeviceKeyPair KEYS =
      DeviceKeyPair.fromSeed(Hash32.sha256("r".getBytes(StandardCharsets.UTF_8)).bytes());
}

package dev.entente.bench;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.EnvelopeCodec;
import dev.entente.impl.codec.Hash32;
import dev.entente.impl.codec.SignedEnvelope;
import dev.entente.impl.seal.AgreementKeyPair;
import dev.entente.impl.seal.EpochKeyring;
import dev.entente.impl.seal.EpochRotation;
import dev.entente.impl.seal.OpenResult;
import dev.entente.impl.seal.Padding;
import dev.entente.impl.seal.Roster;
import dev.entente.impl.seal.SealSeams;
import dev.entente.impl.seal.SealedFrame;
import dev.entente.impl.seal.SeededEntropy;
import dev.entente.impl.trust.BatchSignature;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DocumentGenesis;
import dev.entente.impl.trust.Ed25519;
import dev.entente.impl.trust.SignedBatch;
import dev.entente.impl.trust.TrustedReplica;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * The cost of batch signing and sealing (issue 9), per change, on one author's chain of {@value
 * #BATCH} single-put changes: unsigned apply (the baseline, from objects and from wire bytes)
 * against verified apply with one signature per change and with one per batch; Ed25519 sign and
 * verify alone against a batch signature amortised over {@value #BATCH}; seal and open of a frame.
 * Byte costs per change are in {@link ByteCosts}.
 *
 * <p>Method: every apply benchmark builds a fresh replica per invocation and applies the same
 * prebuilt {@value #BATCH} changes, so each score includes 1/{@value #BATCH} of a replica's
 * creation, alike for all. Keyrings for seal and open are built per invocation outside the
 * measurement (their nonce memory must start empty).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SealBenchmark {
  static final int BATCH = 64;
  static final ReplicaId OWNER = ReplicaId.of("owner");
  static final DeviceKeyPair OWNER_KEYS = keys("owner");
  static final DeviceKeyPair READER_KEYS = keys("r");

  static DeviceKeyPair keys(String name) {
    return DeviceKeyPair.fromSeed(Hash32.sha256(name.getBytes(StandardCharsets.UTF_8)).bytes());
  }

  static TrustedReplica trusted(DocumentGenesis genesis, DeviceKeyPair keys, ReplicaId id) {
    LamportClock clock = new LamportClock();
    return TrustedReplica.create(
        genesis, keys, () -> Replica.create(id, RegisterPolicy.MV, KeyGroups.singletons(), clock));
  }

  static List<List<Op>> puts() {
    List<List<Op>> out = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      out.add(List.of(new Op.Put(Key.of("k" + (i % 16)), Value.of("value " + i))));
    }
    return out;
  }

  /** The same chain signed per change and as one batch, with wire bytes and sealed frames. */
  @State(Scope.Benchmark)
  public static class Chain {
    DocumentGenesis genesis;
    Change[] changes;
    byte[][] changeBytes;
    SignedEnvelope[] single;
    SignedBatch batch;
    byte[][] batchBytes;
    EpochRotation rotation;
    SealedFrame[] frames;
    AgreementKeyPair ownerAgreement;
    AgreementKeyPair readerAgreement;
    Roster roster;

    /** Builds everything once (outside the measurement). */
    @Setup(Level.Trial)
    public void build() {
      genesis = new DocumentGenesis("bench", OWNER, OWNER_KEYS.publicKey());
      TrustedReplica singleAuthor = trusted(genesis, OWNER_KEYS, OWNER);
      single = new SignedEnvelope[BATCH];
      changes = new Change[BATCH];
      changeBytes = new byte[BATCH][];
      for (int i = 0; i < BATCH; i++) {
        single[i] = singleAuthor.transact(puts().get(i));
        changes[i] = single[i].change();
        changeBytes[i] = ChangeCodec.encode(changes[i]);
      }
      batch = trusted(genesis, OWNER_KEYS, OWNER).transactBatch(puts());
      batchBytes = new byte[BATCH][];
      for (int i = 0; i < BATCH; i++) {
        batchBytes[i] = EnvelopeCodec.encode(batch.envelopes().get(i));
      }
      sealAll();
    }

    private void sealAll() {
      ownerAgreement = AgreementKeyPair.fromSeed(Hash32.sha256(new byte[] {1}).bytes());
      readerAgreement = AgreementKeyPair.fromSeed(Hash32.sha256(new byte[] {2}).bytes());
      EpochKeyring owner = keyring(OWNER, OWNER_KEYS, ownerAgreement, "owner");
      EpochKeyring reader = keyring(ReplicaId.of("r"), READER_KEYS, readerAgreement, "r");
      roster = Roster.of(List.of(owner.recipient(), reader.recipient()));
      rotation = owner.rotate(roster);
      frames = new SealedFrame[BATCH];
      for (int i = 0; i < BATCH; i++) {
        frames[i] = owner.seal(batch.envelopes().get(i), roster).frame();
      }
    }

    EpochKeyring keyring(ReplicaId id, DeviceKeyPair device, AgreementKeyPair a, String label) {
      return EpochKeyring.create(
          genesis.documentId(),
          id,
          device,
          a,
          SeededEntropy.of(1, label),
          SealSeams.standard(SeededEntropy.of(1, label + "/nonces")),
          Padding.PADME);
    }
  }

  /** A reader's keyring with the chain's epoch installed, fresh for each invocation. */
  @State(Scope.Thread)
  public static class Reader {
    EpochKeyring keyring;
    EpochKeyring writer;

    /** Installs the epoch (outside the measurement). */
    @Setup(Level.Invocation)
    public void build(Chain c) {
      keyring = c.keyring(ReplicaId.of("r"), READER_KEYS, c.readerAgreement, "r");
      keyring.receive(c.rotation, id -> Optional.of(OWNER_KEYS.publicKey()));
      writer = c.keyring(OWNER, OWNER_KEYS, c.ownerAgreement, "owner-" + c.frames.length);
      writer.receive(c.rotation, id -> Optional.of(OWNER_KEYS.publicKey()));
    }
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
  public void unsignedDecodeApply(Chain c, Blackhole bh) throws DecodeException {
    Replica r =
        Replica.create(
            ReplicaId.of("r"), RegisterPolicy.MV, KeyGroups.singletons(), new LamportClock());
    for (byte[] bytes : c.changeBytes) {
      bh.consume(r.apply(ChangeCodec.decode(bytes)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void verifiedApplySingle(Chain c, Blackhole bh) {
    TrustedReplica r = trusted(c.genesis, READER_KEYS, ReplicaId.of("r"));
    for (SignedEnvelope e : c.single) {
      bh.consume(r.receive(e));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void verifiedApplyBatched(Chain c, Blackhole bh) {
    TrustedReplica r = trusted(c.genesis, READER_KEYS, ReplicaId.of("r"));
    bh.consume(r.receive(c.batch));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void verifiedDecodeApplyBatched(Chain c, Blackhole bh) {
    TrustedReplica r = trusted(c.genesis, READER_KEYS, ReplicaId.of("r"));
    r.announce(c.batch.signature());
    for (byte[] bytes : c.batchBytes) {
      bh.consume(r.receive(bytes));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void openVerifyApplyBatched(Chain c, Reader reader, Blackhole bh) {
    TrustedReplica r = trusted(c.genesis, READER_KEYS, ReplicaId.of("r"));
    r.announce(c.batch.signature());
    for (SealedFrame f : c.frames) {
      OpenResult opened = reader.keyring.open(f);
      bh.consume(r.receive(((OpenResult.Opened) opened).envelope()));
    }
  }

  @Benchmark
  public byte[] signSingle(Chain c) {
    return OWNER_KEYS.sign(c.single[0].signingInput());
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public BatchSignature signBatch(Chain c) {
    return BatchSignature.sign(
        c.genesis.documentId(), c.batch.signature().leaves(), OWNER_KEYS::sign);
  }

  @Benchmark
  public boolean verifySingle(Chain c) {
    SignedEnvelope e = c.single[0];
    return Ed25519.verify(OWNER_KEYS.publicKey(), e.signingInput(), e.signature());
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void verifyBatch(Chain c, Blackhole bh) {
    BatchSignature s = c.batch.signature();
    bh.consume(s.verifies(OWNER_KEYS.publicKey()));
    for (SignedEnvelope e : c.batch.envelopes()) {
      bh.consume(s.covers(e.hash()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void seal(Chain c, Reader reader, Blackhole bh) {
    for (SignedEnvelope e : c.batch.envelopes()) {
      bh.consume(reader.writer.seal(e, c.roster));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void open(Chain c, Reader reader, Blackhole bh) {
    for (SealedFrame f : c.frames) {
      bh.consume(reader.keyring.open(f));
    }
  }
}

package dev.entente.bench;

import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.DecodeException;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ChangeCodec} encode, decode and content hash of a change of {@code ops} ops, beside the
 * floor for the hash: SHA-256 of the already-encoded bytes (the hash is SHA-256 of the encoding, so
 * {@code contentHash - sha256Floor} is the encoding's share).
 *
 * <p>The change is a typical calendar edit: puts of {@code event/N/field} keys with short values,
 * every tenth op a delete, a seen vector of three replicas.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class CodecBenchmark {
  /** Ops in the change. */
  @Param({"1", "100"})
  public int ops;

  private Change change;
  private byte[] encoded;

  /** Builds the change and its encoding. */
  @Setup
  public void setUp() {
    List<Op> list = new ArrayList<>(ops);
    for (int i = 0; i < ops; i++) {
      String key = "event/" + (i / 4) + "/field" + (i % 4);
      list.add(i % 10 == 9 ? Op.delete(key) : Op.put(key, "value " + i + " of a calendar field"));
    }
    VersionVector seen =
        VersionVector.of(
            Map.of(
                ReplicaId.of("alice"), 41L, ReplicaId.of("bob"), 17L, ReplicaId.of("carol"), 3L));
    change =
        new Change(
            ReplicaId.of("alice"), 42, new HlcTimestamp(Fixtures.BASE_WALL_MILLIS, 3), seen, list);
    encoded = ChangeCodec.encode(change);
  }

  /** Canonical encoding with CRC-32C. */
  @Benchmark
  public byte[] encode() {
    return ChangeCodec.encode(change);
  }

  /** Strict decoding, with every canonical-form check. */
  @Benchmark
  public Change decode() throws DecodeException {
    return ChangeCodec.decode(encoded);
  }

  /** SHA-256 of the encoding: encode plus hash. */
  @Benchmark
  public byte[] contentHash() {
    return ChangeCodec.contentHash(change);
  }

  /** The floor for the hash: SHA-256 of bytes already encoded. */
  @Benchmark
  public byte[] sha256Floor() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(encoded);
  }
}

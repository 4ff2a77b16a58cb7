package dev.entente.properties.gen;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for the model vocabulary, one static factory per type. Every generated value
 * satisfies its type's invariants (the constructors validate it), so properties never need filters
 * or assumptions to get valid input.
 *
 * <p>Two kinds of replica id: {@link #replicaIds()} draws from a five-id alphabet so that values
 * collide (equal authors, shared seen entries, equal dots), and {@link #anyReplicaIds()} covers the
 * whole id grammar. Text ({@link #keys()}, {@link #values()}) is well-formed Unicode mixing ASCII
 * with 2-, 3- and 4-byte UTF-8, including NUL, U+E000..U+FFFF (where UTF-16 and code point order
 * differ) and, rarely, strings longer than 255 bytes; values may be empty. Numbers favour the small
 * and the extreme.
 *
 * <p>These generators draw independent fields, so changes are not causally consistent with one
 * another; for causal histories use {@link HistoryArbitraries}.
 */
public final class ModelArbitraries {
  /** The small replica-id alphabet of {@link #replicaIds()}, in id order. */
  public static final List<String> SMALL_REPLICA_IDS = List.of("A", "B", "C", "D", "replica-E");

  /** The small key alphabet that {@link #keys()} favours, so that ops collide on keys. */
  public static final List<String> SMALL_KEYS = List.of("k", "x", "user/1/name", "\u00e9t\u00e9");

  private ModelArbitraries() {}

  /** Replica ids from {@link #SMALL_REPLICA_IDS}. */
  public static Arbitrary<ReplicaId> replicaIds() {
    return Arbitraries.of(SMALL_REPLICA_IDS).map(ReplicaId::of);
  }

  /** Replica ids from the whole grammar: 1 to 64 characters of {@code [A-Za-z0-9_-]}. */
  public static Arbitrary<ReplicaId> anyReplicaIds() {
    return Arbitraries.strings()
        .withCharRange('A', 'Z')
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars('_', '-')
        .ofMinLength(1)
        .ofMaxLength(ReplicaId.MAX_LENGTH)
        .map(ReplicaId::of);
  }

  /** Replica ids mostly from the small alphabet, sometimes from the whole grammar. */
  public static Arbitrary<ReplicaId> mixedReplicaIds() {
    return Arbitraries.frequencyOf(Tuple.of(4, replicaIds()), Tuple.of(1, anyReplicaIds()));
  }

  /**
   * Non-empty keys: often from {@link #SMALL_KEYS}, otherwise arbitrary well-formed text of at most
   * 200 code points (800 UTF-8 bytes, under {@link Key#MAX_UTF8_BYTES}).
   */
  public static Arbitrary<Key> keys() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(SMALL_KEYS)),
            Tuple.of(6, text(1, 16)),
            Tuple.of(1, text(60, 200)))
        .map(Key::of);
  }

  /** Values, possibly empty, ASCII or not, rarely longer than 255 bytes. */
  public static Arbitrary<Value> values() {
    return Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just("")),
            Tuple.of(2, Arbitraries.of("v", "10", "\u65e5\u672c", "\ud83d\ude42")),
            Tuple.of(6, text(0, 24)),
            Tuple.of(1, text(60, 400)))
        .map(Value::of);
  }

  /**
   * Well-formed Unicode strings of {@code minCodePoints} to {@code maxCodePoints} code points
   * (never an unpaired surrogate), weighted towards ASCII.
   */
  public static Arbitrary<String> text(int minCodePoints, int maxCodePoints) {
    return codePoints()
        .list()
        .ofMinSize(minCodePoints)
        .ofMaxSize(maxCodePoints)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
  }

  /** Timestamps: tiny (to force ties), realistic epoch millis, and anything up to the maximum. */
  public static Arbitrary<HlcTimestamp> timestamps() {
    Arbitrary<Long> wall =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.longs().between(0, 10)),
            Tuple.of(3, Arbitraries.longs().between(1_600_000_000_000L, 1_900_000_000_000L)),
            Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE)));
    Arbitrary<Integer> logical =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 3)),
            Tuple.of(1, Arbitraries.integers().between(0, HlcTimestamp.MAX_LOGICAL)));
    return Combinators.combine(wall, logical).as(HlcTimestamp::new);
  }

  /** Counters for dots and vectors: usually small, sometimes up to {@code Long.MAX_VALUE}. */
  public static Arbitrary<Long> counters() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.longs().between(1, 20)),
        Tuple.of(1, Arbitraries.longs().between(1, Long.MAX_VALUE)));
  }

  /** Dots over {@link #replicaIds()}. */
  public static Arbitrary<Dot> dots() {
    return Combinators.combine(replicaIds(), counters()).as(Dot::new);
  }

  /** Version vectors of up to 5 entries over {@link #replicaIds()}. */
  public static Arbitrary<VersionVector> versionVectors() {
    return versionVectors(replicaIds());
  }

  /** Version vectors of up to 5 entries over {@code replicas}. */
  public static Arbitrary<VersionVector> versionVectors(Arbitrary<ReplicaId> replicas) {
    return Arbitraries.maps(replicas, counters()).ofMaxSize(5).map(VersionVector::of);
  }

  /** Puts (more often) and deletes of {@link #keys()}. */
  public static Arbitrary<Op> ops() {
    Arbitrary<Op> puts = Combinators.combine(keys(), values()).as(Op.Put::new);
    Arbitrary<Op> deletes = keys().map(Op.Delete::new);
    return Arbitraries.frequencyOf(Tuple.of(3, puts), Tuple.of(1, deletes));
  }

  /** The register policies. */
  public static Arbitrary<RegisterPolicy> policies() {
    return Arbitraries.of(RegisterPolicy.class);
  }

  /** Changes by {@link #replicaIds()} of 1 to 4 ops. */
  public static Arbitrary<Change> changes() {
    return changes(replicaIds());
  }

  /**
   * Changes whose author and seen entries come from {@code replicas}, with 1 to 4 ops. The seen
   * vector is independent of the author except for the author's own entry, which {@link Change}
   * sets to {@code seq - 1}.
   */
  public static Arbitrary<Change> changes(Arbitrary<ReplicaId> replicas) {
    return Combinators.combine(
            replicas,
            counters(),
            timestamps(),
            versionVectors(replicas),
            ops().list().ofMinSize(1).ofMaxSize(4))
        .as(
            (author, seq, timestamp, seen, ops) ->
                new Change(author, seq, timestamp, seen.with(author, 0), ops));
  }

  private static Arbitrary<Integer> codePoints() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(0x20, 0x7E)),
        Tuple.of(1, Arbitraries.integers().between(0x00, 0x7F)),
        Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
        Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),
        Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
        Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
  }
}

package dev.entente.simulations.cluster;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.CausalGroupMap;
import dev.entente.impl.KvMap;
import dev.entente.impl.LwwMap;
import dev.entente.impl.MvMap;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.ClockKind;
import dev.entente.impl.clock.PhysicalClock;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.storage.MemoryStorage;
import dev.entente.impl.storage.Storage;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import dev.entente.simulations.compact.CompactionSeams;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.schema.SchemaSeams;
import dev.entente.simulations.sync.AntiEntropy;
import dev.entente.simulations.sync.CausalBuffer;
import dev.entente.simulations.sync.Sequencer;
import dev.entente.simulations.sync.SyncContext;
import dev.entente.simulations.sync.SyncKind;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the simulator assembles the components of one replica: its map, its timestamp clock, op
 * push's causal buffer, the delta source that delta pull and retransmission send from, the
 * anti-entropy protocol, (under the sequencer) the server, and (in storage-backed runs) the storage
 * a replica commits to. {@link #REAL} is the real system; the mutant catalogue replaces one point
 * with a {@code with...} copy. Immutable.
 *
 * @param maps the empty map a replica is built around, per policy
 * @param clocks a replica's timestamp clock over its simulated physical clock
 * @param causalBuffers op push's receiver-side causal buffer, one per protocol instance
 * @param changesSince the changes a replica sends to a peer whose vector is given
 * @param protocols a replica's anti-entropy protocol instance
 * @param sequencers the sequencer around the server replica
 * @param disks the storage a replica commits to, over its simulated disk (storage-backed runs)
 * @param schema how a replica reads its log at a schema version, and what it keeps of what it
 *     receives (rollout runs only; issue 12)
 * @param compaction the GC policy, written snapshots, snapshot join and restore (compaction runs
 *     only; issue 10)
 */
public record ClusterFactory(
    MapMaker maps,
    ClockMaker clocks,
    Supplier<CausalBuffer> causalBuffers,
    DeltaSource changesSince,
    ProtocolMaker protocols,
    Function<Replica, Sequencer> sequencers,
    DiskMaker disks,
    SchemaSeams schema,
    CompactionSeams compaction) {

  /** Makes the empty map of a replica. */
  @FunctionalInterface
  public interface MapMaker {
    /** A new empty map for {@code policy}; {@code groups} are the causal groups of keys. */
    KvMap newMap(RegisterPolicy policy, KeyGroups groups);
  }

  /** Makes a replica's timestamp clock. */
  @FunctionalInterface
  public interface ClockMaker {
    /** A {@code kind} clock over {@code physical}, refusing remote times {@code maxDrift} ahead. */
    TimestampClock newClock(ClockKind kind, PhysicalClock physical, long maxDriftMillis);
  }

  /** What a replica sends to a peer that has seen {@code remote}. */
  @FunctionalInterface
  public interface DeltaSource {
    /** The changes {@code replica} has and a peer at {@code remote} lacks, in delivery order. */
    List<Change> changesSince(Replica replica, VersionVector remote);
  }

  /** Makes a replica's anti-entropy protocol. */
  @FunctionalInterface
  public interface ProtocolMaker {
    /** A {@code kind} protocol instance over {@code ctx}; never called for the sequencer. */
    AntiEntropy newAntiEntropy(SyncKind kind, SyncContext ctx);
  }

  /** Makes the storage a replica commits to. */
  @FunctionalInterface
  public interface DiskMaker {
    /**
     * The storage over {@code disk}, the machine's simulated disk (which the storage nemesis
     * damages); the real system commits to the disk itself.
     */
    Storage over(MemoryStorage disk);
  }

  /** The real system: impl's maps and clocks, the sync package's protocols and sequencer. */
  public static final ClusterFactory REAL =
      new ClusterFactory(
          ClusterFactory::realMap,
          ClockKind::create,
          CausalBuffer::new,
          Replica::changesSince,
          (kind, ctx) -> kind.create(ctx),
          Sequencer::new,
          disk -> disk,
          SchemaSeams.REAL,
          CompactionSeams.REAL);

  private static KvMap realMap(RegisterPolicy policy, KeyGroups groups) {
    return switch (policy) {
      case LWW -> new LwwMap();
      case MV -> new MvMap();
      case CAUSAL_GROUP -> new CausalGroupMap(groups);
    };
  }

  /** A replica {@code id} around a new map for {@code policy}, stamping with {@code clock}. */
  public Replica newReplica(
      ReplicaId id, RegisterPolicy policy, KeyGroups groups, TimestampClock clock) {
    return Replica.create(id, maps.newMap(policy, groups), clock);
  }

  /** A replica's timestamp clock. */
  public TimestampClock newClock(ClockKind kind, PhysicalClock physical, long maxDriftMillis) {
    return clocks.newClock(kind, physical, maxDriftMillis);
  }

  /**
   * A {@code kind} protocol instance for {@code replica}, choosing peers with {@code prng} and
   * reporting every apply result to {@code results}.
   */
  public AntiEntropy newAntiEntropy(
      SyncKind kind, Replica replica, Prng prng, Consumer<ApplyResult> results) {
    SyncContext ctx =
        new SyncContext(replica, prng, causalBuffers.get(), changesSince::changesSince, results);
    return protocols.newAntiEntropy(kind, ctx);
  }

  /** The sequencer around {@code server}. */
  public Sequencer newSequencer(Replica server) {
    return sequencers.apply(server);
  }

  /** A copy with the replica's map replaced. */
  public ClusterFactory withMaps(MapMaker m) {
    return new ClusterFactory(
        m, clocks, causalBuffers, changesSince, protocols, sequencers, disks, schema, compaction);
  }

  /** A copy with the timestamp clock replaced. */
  public ClusterFactory withClocks(ClockMaker c) {
    return new ClusterFactory(
        maps, c, causalBuffers, changesSince, protocols, sequencers, disks, schema, compaction);
  }

  /** A copy with op push's causal buffer replaced. */
  public ClusterFactory withCausalBuffers(Supplier<CausalBuffer> b) {
    return new ClusterFactory(
        maps, clocks, b, changesSince, protocols, sequencers, disks, schema, compaction);
  }

  /** A copy with the delta source replaced. */
  public ClusterFactory withChangesSince(DeltaSource d) {
    return new ClusterFactory(
        maps, clocks, causalBuffers, d, protocols, sequencers, disks, schema, compaction);
  }

  /** A copy with the anti-entropy protocol replaced. */
  public ClusterFactory withProtocols(ProtocolMaker p) {
    return new ClusterFactory(
        maps, clocks, causalBuffers, changesSince, p, sequencers, disks, schema, compaction);
  }

  /** A copy with the sequencer replaced. */
  public ClusterFactory withSequencers(Function<Replica, Sequencer> s) {
    return new ClusterFactory(
        maps, clocks, causalBuffers, changesSince, protocols, s, disks, schema, compaction);
  }

  /** The storage a replica commits to over its simulated disk. */
  public Storage newStorage(MemoryStorage disk) {
    return disks.over(disk);
  }

  /** A copy with the storage over the simulated disk replaced. */
  public ClusterFactory withDisks(DiskMaker d) {
    return new ClusterFactory(
        maps, clocks, causalBuffers, changesSince, protocols, sequencers, d, schema, compaction);
  }

  /** A copy with the schema seams replaced. */
  public ClusterFactory withSchema(SchemaSeams s) {
    return new ClusterFactory(
        maps, clocks, causalBuffers, changesSince, protocols, sequencers, disks, s, compaction);
  }

  /** A copy with the compaction seams replaced. */
  public ClusterFactory withCompaction(CompactionSeams c) {
    return new ClusterFactory(
        maps, clocks, causalBuffers, changesSince, protocols, sequencers, disks, schema, c);
  }
}

package dev.entente.simulations;

import static dev.entente.simulations.cluster.ClusterFactory.REAL;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.Change;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.broken.BrokenCompaction;
import dev.entente.simulations.broken.BrokenDisk;
import dev.entente.simulations.broken.BrokenLwwMap;
import dev.entente.simulations.broken.BrokenMvMap;
import dev.entente.simulations.broken.BrokenSchemaViews;
import dev.entente.simulations.broken.DroppingUnknownKeys;
import dev.entente.simulations.broken.EarlyCausalBuffer;
import dev.entente.simulations.broken.IgnoringRemoteClock;
import dev.entente.simulations.broken.IndependentKeysGroupMap;
import dev.entente.simulations.broken.LastIdDroppingSessions;
import dev.entente.simulations.broken.ReorderingSequencer;
import dev.entente.simulations.broken.SilentOpPush;
import dev.entente.simulations.broken.StaleStateGossip;
import dev.entente.simulations.cluster.ClusterFactory;
import dev.entente.simulations.compact.CompactionSeams;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.schema.InboundFilter;
import dev.entente.simulations.schema.SchemaSeams;
import dev.entente.simulations.schema.ViewReader;
import dev.entente.simulations.sync.FrameSession;
import dev.entente.simulations.sync.RangeReconcile;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The catalogue of deliberately broken variants ("test the tester"), selected with {@code --mutant
 * NAME}. The simulator assembles every replica with the mutant's {@link #factory()}: {@link
 * ClusterFactory#REAL} with one point replaced, so a mutant is one enum constant and adding one
 * touches only this file (and its broken part in {@code broken/}).
 *
 * <p>The points: the replica's map, the timestamp clock, op push's causal buffer, the delta source
 * (what delta pull and op push retransmission send), the whole protocol, and the single-server
 * sequencer, and the storage over a machine's simulated disk. {@link #requirements} names the
 * options under which a mutant is reachable.
 */
public enum Mutant {
  /** The real thing. */
  NONE("no mutation", REAL),

  /** Equal timestamps are not broken by replica id: replicas keep whichever arrived first. */
  LWW_TIE_BREAK_IGNORES_REPLICA(
      "LWW tie-break ignores the replica id",
      REAL.withMaps((policy, groups) -> new BrokenLwwMap(BrokenLwwMap.Flaw.NO_REPLICA_TIE_BREAK))) {
    @Override
    public Overrides requirements(Overrides base) {
      // Lamport counters tie across replicas all the time; HLC timestamps rarely do.
      return base.withPolicy(RegisterPolicy.LWW).withClock(ClockKind.LAMPORT);
    }
  },

  /** Only the wall part of an HLC timestamp is compared. */
  LWW_IGNORES_LOGICAL_COUNTER(
      "LWW compares the HLC wall time and ignores the logical counter",
      REAL.withMaps(
          (policy, groups) -> new BrokenLwwMap(BrokenLwwMap.Flaw.IGNORES_LOGICAL_COUNTER))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withClock(ClockKind.HLC);
    }
  },

  /** A winning delete removes the register, so an older put arriving later resurrects the key. */
  DELETE_LEAVES_NO_TOMBSTONE(
      "a delete leaves no tombstone",
      REAL.withMaps((policy, groups) -> new BrokenLwwMap(BrokenLwwMap.Flaw.NO_TOMBSTONES))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW);
    }
  },

  /** MV never drops values a later write has seen. */
  MV_KEEPS_SUPERSEDED_VALUES(
      "MV keeps values that a later write has seen",
      REAL.withMaps((policy, groups) -> new BrokenMvMap(BrokenMvMap.Flaw.KEEPS_SUPERSEDED))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.MV);
    }
  },

  /** MV lets the newest arrival replace concurrent siblings it never saw. */
  MV_DROPS_CONCURRENT_VALUES(
      "MV drops concurrent siblings (newest arrival wins)",
      REAL.withMaps((policy, groups) -> new BrokenMvMap(BrokenMvMap.Flaw.DROPS_CONCURRENT))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.MV);
    }
  },

  /** The causal-group policy resolves each key on its own, by LWW. */
  GROUP_RESOLVES_KEYS_INDEPENDENTLY(
      "the causal-group policy resolves keys independently",
      REAL.withMaps((policy, groups) -> new IndependentKeysGroupMap())) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.CAUSAL_GROUP).withWorkload(WorkloadKind.CALENDAR);
    }
  },

  /** The HLC never learns from remote timestamps. */
  HLC_IGNORES_REMOTE_TIMESTAMPS(
      "HLC ignores remote timestamps",
      REAL.withClocks(
          (kind, physical, maxDriftMillis) ->
              new IgnoringRemoteClock(kind.create(physical, maxDriftMillis)))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withClock(ClockKind.HLC);
    }
  },

  /** The Lamport clock never learns from remote timestamps. */
  LAMPORT_IGNORES_REMOTE_TIMESTAMPS(
      "Lamport clock ignores remote timestamps",
      REAL.withClocks(
          (kind, physical, maxDriftMillis) ->
              new IgnoringRemoteClock(kind.create(physical, maxDriftMillis)))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withClock(ClockKind.LAMPORT);
    }
  },

  /** Op push's causal buffer delivers changes before their causal past. */
  CAUSAL_BUFFER_DELIVERS_EARLY(
      "the causal buffer delivers early", REAL.withCausalBuffers(EarlyCausalBuffer::new)) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withSync(SyncKind.OP);
    }
  },

  /** Delta sync leaves out the last change a peer is missing. */
  DELTA_SYNC_SKIPS_LAST_CHANGE(
      "delta sync skips the last change",
      REAL.withChangesSince(
          (replica, remote) -> {
            List<Change> all = replica.changesSince(remote);
            return all.isEmpty() ? all : all.subList(0, all.size() - 1);
          })) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withSync(SyncKind.DELTA);
    }
  },

  /** Op push sends each change once and never retransmits what the network lost. */
  OP_PUSH_NEVER_RETRANSMITS(
      "op push never retransmits lost changes",
      REAL.withProtocols(
          (kind, ctx) -> kind == SyncKind.OP ? new SilentOpPush(ctx) : kind.create(ctx))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withSync(SyncKind.OP);
    }
  },

  /** State gossip leaves the sender's own newest change out of every snapshot. */
  STATE_GOSSIP_OMITS_NEWEST_CHANGE(
      "state gossip omits the sender's newest change",
      REAL.withProtocols(
          (kind, ctx) -> kind == SyncKind.STATE ? new StaleStateGossip(ctx) : kind.create(ctx))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withSync(SyncKind.STATE);
    }
  },

  /** The sequencer makes acknowledged writes visible to readers in swapped pairs. */
  SEQUENCER_REORDERS_ACKNOWLEDGED_WRITES(
      "the sequencer reorders acknowledged writes", REAL.withSequencers(ReorderingSequencer::new)) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withSync(SyncKind.SEQUENCER);
    }
  },

  /** Recovery replays the batch whose commit crashed before it was synced, as if acknowledged. */
  RECOVERY_REPLAYS_UNSYNCED_SUFFIX(
      "recovery replays the unsynced suffix as if it were acknowledged",
      REAL.withDisks(disk -> new BrokenDisk(disk, BrokenDisk.Flaw.REPLAYS_UNSYNCED_SUFFIX))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withFaults(storageFaults(FaultKind.TORN_WRITE));
    }
  },

  /** The last acknowledged commit was not really durable: a crash loses it. */
  STORAGE_LOSES_LAST_ACKNOWLEDGED_COMMIT(
      "a crash loses the last acknowledged commit (an fsync that lies)",
      REAL.withDisks(disk -> new BrokenDisk(disk, BrokenDisk.Flaw.LOSES_LAST_ACKNOWLEDGED))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withFaults(storageFaults(FaultKind.CRASH));
    }
  },

  /** An old replica keeps only the keys its schema version knows (issue 12). */
  SCHEMA_OLD_REPLICA_DROPS_UNKNOWN_KEYS(
      "an old replica drops the keys its schema version does not know",
      REAL.withSchema(new SchemaSeams(ViewReader.REAL, new DroppingUnknownKeys()))),

  /** A renamed key is renamed again by the next rename of the chain. */
  SCHEMA_RENAME_APPLIED_TWICE(
      "a rename lens is applied twice",
      REAL.withSchema(schemaViews(BrokenSchemaViews.Flaw.RENAME_TWICE))),

  /** Registers are resolved on the keys as written and translated afterwards. */
  SCHEMA_TRANSLATES_AFTER_MERGE(
      "translation after merge resolution instead of before",
      REAL.withSchema(schemaViews(BrokenSchemaViews.Flaw.TRANSLATE_AFTER_MERGE))),

  /** An added field's default depends on which change arrived first. */
  SCHEMA_DEFAULT_BY_ARRIVAL_ORDER(
      "a lens default that depends on arrival order",
      REAL.withSchema(schemaViews(BrokenSchemaViews.Flaw.DEFAULT_BY_ARRIVAL))),

  /** RBSR sessions never ship the last id they learn the peer lacks (issue 11). */
  RBSR_DROPS_LAST_MISSING_ID(
      "RBSR never ships the last id (in id order) a session finds the peer lacking",
      REAL.withProtocols(
          (kind, ctx) ->
              kind == SyncKind.RBSR
                  ? new RangeReconcile(ctx, "rbsr", new LastIdDroppingSessions(FrameSession.RBSR))
                  : kind.create(ctx))) {
    @Override
    public Overrides requirements(Overrides base) {
      return base.withSync(SyncKind.RBSR);
    }
  },

  /** Garbage is collected at the join of the members' reports, before it is stable (issue 10). */
  GC_BEFORE_STABILITY(
      "garbage collection before causal stability (the join of the reports, not their meet)",
      REAL.withCompaction(CompactionSeams.REAL.withGcPolicy(BrokenCompaction::joinOfReports))),

  /** The snapshot a replica writes leaves out its pending buffer. */
  SNAPSHOT_OMITS_PENDING(
      "a snapshot omits the pending (buffered) changes",
      REAL.withCompaction(CompactionSeams.REAL.withSnapshots(BrokenCompaction::withoutPending))) {
    @Override
    public Overrides requirements(Overrides base) {
      return compactionRun(base, RegisterPolicy.MV);
    }
  },

  /** The snapshot a replica writes leaves out a tombstone that is not yet stable. */
  SNAPSHOT_DROPS_A_TOMBSTONE(
      "a snapshot drops a not-yet-stable tombstone",
      REAL.withCompaction(
          CompactionSeams.REAL.withSnapshots(BrokenCompaction::withoutFirstTombstone))),

  /** A replica behind a peer's horizon bootstraps from the snapshot, dropping its own edits. */
  LATE_DEVICE_OFFLINE_EDITS_DROPPED(
      "the late device's offline edits are dropped when it joins a snapshot",
      REAL.withCompaction(
          CompactionSeams.REAL.withJoins(BrokenCompaction::bootstrapDroppingOwnEdits))),

  /** A restart from a snapshot forgets the clock's high-water mark. */
  HLC_HIGH_WATER_MARK_NOT_STORED(
      "the HLC high-water mark is not stored with the snapshot a restart loads",
      REAL.withCompaction(
          CompactionSeams.REAL.withRestores(BrokenCompaction::restoreForgettingClock))) {
    @Override
    public Overrides requirements(Overrides base) {
      return compactionRun(base, RegisterPolicy.LWW).withClock(ClockKind.HLC);
    }
  };

  /** A compaction run (delta sync, a late device, crashes) under {@code policy}. */
  private static Overrides compactionRun(Overrides base, RegisterPolicy policy) {
    return base.withPolicy(policy)
        .withSync(SyncKind.DELTA)
        .withFaults(
            EnumSet.of(
                FaultKind.COMPACTION,
                FaultKind.PARTITION_ONE,
                FaultKind.CRASH,
                FaultKind.CLOCK_STEP,
                FaultKind.LOSS,
                FaultKind.REORDER,
                FaultKind.DELAY,
                FaultKind.SKEW));
  }

  /** Faults under which a storage mutant is reachable: the run is storage-backed. */
  private static Set<FaultKind> storageFaults(FaultKind extra) {
    return EnumSet.of(
        extra,
        FaultKind.TORN_WRITE,
        FaultKind.PARTITION_ONE,
        FaultKind.LOSS,
        FaultKind.REORDER,
        FaultKind.DELAY);
  }

  private final String description;
  private final ClusterFactory factory;

  private static SchemaSeams schemaViews(BrokenSchemaViews.Flaw flaw) {
    return new SchemaSeams(new BrokenSchemaViews(flaw), InboundFilter.KEEP_ALL);
  }

  Mutant(String description, ClusterFactory factory) {
    this.description = description;
    this.factory = factory;
  }

  /** How a replica is assembled under this mutant: the real factory with one point replaced. */
  public ClusterFactory factory() {
    return factory;
  }

  /** What the mutant breaks, in one sentence. */
  public String description() {
    return description;
  }

  /** The option name: the constant in lowercase with dashes. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses an option name. */
  public static Mutant parse(String name) {
    for (Mutant m : values()) {
      if (m.optionName().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not a mutant; see entente mutants");
  }

  /**
   * The options this mutant needs to be reachable at all (a broken MV map only matters under the MV
   * policy), applied on top of the user's overrides by the catalogue test and the campaign.
   */
  public Overrides requirements(Overrides base) {
    // A schema mutant's views only exist on the rollout workload; a compaction mutant's points
    // only in a compaction run (LWW unless the mutant says otherwise).
    if (factory.compaction() != REAL.compaction()) {
      return compactionRun(base, RegisterPolicy.LWW);
    }
    return factory.schema() != REAL.schema() ? base.withWorkload(WorkloadKind.ROLLOUT) : base;
  }
}

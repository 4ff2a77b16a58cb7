package dev.entente.simulations;

import dev.entente.impl.CausalGroupMap;
import dev.entente.impl.KvMap;
import dev.entente.impl.LwwMap;
import dev.entente.impl.MvMap;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.ClockKind;
import dev.entente.impl.clock.PhysicalClock;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.VersionVector;
import dev.entente.simulations.broken.BrokenLwwMap;
import dev.entente.simulations.broken.BrokenMvMap;
import dev.entente.simulations.broken.EarlyCausalBuffer;
import dev.entente.simulations.broken.IgnoringRemoteClock;
import dev.entente.simulations.broken.IndependentKeysGroupMap;
import dev.entente.simulations.broken.ReorderingSequencer;
import dev.entente.simulations.broken.SilentOpPush;
import dev.entente.simulations.broken.StaleStateGossip;
import dev.entente.simulations.sync.AntiEntropy;
import dev.entente.simulations.sync.CausalBuffer;
import dev.entente.simulations.sync.Sequencer;
import dev.entente.simulations.sync.SyncContext;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue of deliberately broken variants ("test the tester"), selected with {@code --mutant
 * NAME}. Every component the simulator builds comes from one of the factory methods below, so a
 * mutant is one enum constant that overrides one of them; adding a mutant touches only this file.
 *
 * <p>Hook points: {@link #newMap} (the replica's map, via {@code Replica.create(id, map, clock)}),
 * {@link #newClock} (the timestamp clock), {@link #newCausalBuffer} (op push's delivery buffer),
 * {@link #changesSince} (what delta pull and op push retransmission send), {@link #newAntiEntropy}
 * (the whole protocol) and {@link #newSequencer} (the single-server baseline). {@link
 * #requirements} names the options under which a mutant is reachable.
 */
public enum Mutant {
  /** The real thing. */
  NONE("no mutation"),

  /** Equal timestamps are not broken by replica id: replicas keep whichever arrived first. */
  LWW_TIE_BREAK_IGNORES_REPLICA("LWW tie-break ignores the replica id") {
    @Override
    public KvMap newMap(RegisterPolicy policy, KeyGroups groups) {
      return new BrokenLwwMap(BrokenLwwMap.Flaw.NO_REPLICA_TIE_BREAK);
    }

    @Override
    public Overrides requirements(Overrides base) {
      // Lamport counters tie across replicas all the time; HLC timestamps rarely do.
      return base.withPolicy(RegisterPolicy.LWW).withClock(ClockKind.LAMPORT);
    }
  },

  /** Only the wall part of an HLC timestamp is compared. */
  LWW_IGNORES_LOGICAL_COUNTER("LWW compares the HLC wall time and ignores the logical counter") {
    @Override
    public KvMap newMap(RegisterPolicy policy, KeyGroups groups) {
      return new BrokenLwwMap(BrokenLwwMap.Flaw.IGNORES_LOGICAL_COUNTER);
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withClock(ClockKind.HLC);
    }
  },

  /** A winning delete removes the register, so an older put arriving later resurrects the key. */
  DELETE_LEAVES_NO_TOMBSTONE("a delete leaves no tombstone") {
    @Override
    public KvMap newMap(RegisterPolicy policy, KeyGroups groups) {
      return new BrokenLwwMap(BrokenLwwMap.Flaw.NO_TOMBSTONES);
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW);
    }
  },

  /** MV never drops values a later write has seen. */
  MV_KEEPS_SUPERSEDED_VALUES("MV keeps values that a later write has seen") {
    @Override
    public KvMap newMap(RegisterPolicy policy, KeyGroups groups) {
      return new BrokenMvMap(BrokenMvMap.Flaw.KEEPS_SUPERSEDED);
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.MV);
    }
  },

  /** MV lets the newest arrival replace concurrent siblings it never saw. */
  MV_DROPS_CONCURRENT_VALUES("MV drops concurrent siblings (newest arrival wins)") {
    @Override
    public KvMap newMap(RegisterPolicy policy, KeyGroups groups) {
      return new BrokenMvMap(BrokenMvMap.Flaw.DROPS_CONCURRENT);
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.MV);
    }
  },

  /** The causal-group policy resolves each key on its own, by LWW. */
  GROUP_RESOLVES_KEYS_INDEPENDENTLY("the causal-group policy resolves keys independently") {
    @Override
    public KvMap newMap(RegisterPolicy policy, KeyGroups groups) {
      return new IndependentKeysGroupMap();
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.CAUSAL_GROUP).withWorkload(WorkloadKind.CALENDAR);
    }
  },

  /** The HLC never learns from remote timestamps. */
  HLC_IGNORES_REMOTE_TIMESTAMPS("HLC ignores remote timestamps") {
    @Override
    public TimestampClock newClock(ClockKind kind, PhysicalClock physical, long maxDriftMillis) {
      return new IgnoringRemoteClock(kind.create(physical, maxDriftMillis));
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withClock(ClockKind.HLC);
    }
  },

  /** The Lamport clock never learns from remote timestamps. */
  LAMPORT_IGNORES_REMOTE_TIMESTAMPS("Lamport clock ignores remote timestamps") {
    @Override
    public TimestampClock newClock(ClockKind kind, PhysicalClock physical, long maxDriftMillis) {
      return new IgnoringRemoteClock(kind.create(physical, maxDriftMillis));
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withClock(ClockKind.LAMPORT);
    }
  },

  /** Op push's causal buffer delivers changes before their causal past. */
  CAUSAL_BUFFER_DELIVERS_EARLY("the causal buffer delivers early") {
    @Override
    public CausalBuffer newCausalBuffer() {
      return new EarlyCausalBuffer();
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withSync(SyncKind.OP);
    }
  },

  /** Delta sync leaves out the last change a peer is missing. */
  DELTA_SYNC_SKIPS_LAST_CHANGE("delta sync skips the last change") {
    @Override
    public List<Change> changesSince(Replica replica, VersionVector remote) {
      List<Change> all = replica.changesSince(remote);
      return all.isEmpty() ? all : all.subList(0, all.size() - 1);
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withSync(SyncKind.DELTA);
    }
  },

  /** Op push sends each change once and never retransmits what the network lost. */
  OP_PUSH_NEVER_RETRANSMITS("op push never retransmits lost changes") {
    @Override
    public AntiEntropy newAntiEntropy(SyncKind kind, SyncContext ctx) {
      return kind == SyncKind.OP ? new SilentOpPush(ctx) : kind.create(ctx);
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withSync(SyncKind.OP);
    }
  },

  /** State gossip leaves the sender's own newest change out of every snapshot. */
  STATE_GOSSIP_OMITS_NEWEST_CHANGE("state gossip omits the sender's newest change") {
    @Override
    public AntiEntropy newAntiEntropy(SyncKind kind, SyncContext ctx) {
      return kind == SyncKind.STATE ? new StaleStateGossip(ctx) : kind.create(ctx);
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withSync(SyncKind.STATE);
    }
  },

  /** The sequencer makes acknowledged writes visible to readers in swapped pairs. */
  SEQUENCER_REORDERS_ACKNOWLEDGED_WRITES("the sequencer reorders acknowledged writes") {
    @Override
    public Sequencer newSequencer(Replica server) {
      return new ReorderingSequencer(server);
    }

    @Override
    public Overrides requirements(Overrides base) {
      return base.withPolicy(RegisterPolicy.LWW).withSync(SyncKind.SEQUENCER);
    }
  };

  private final String description;

  Mutant(String description) {
    this.description = description;
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
    return base;
  }

  /** The empty map a replica is built around. */
  public KvMap newMap(RegisterPolicy policy, KeyGroups groups) {
    return switch (policy) {
      case LWW -> new LwwMap();
      case MV -> new MvMap();
      case CAUSAL_GROUP -> new CausalGroupMap(groups);
    };
  }

  /** A replica's timestamp clock over its simulated physical clock. */
  public TimestampClock newClock(ClockKind kind, PhysicalClock physical, long maxDriftMillis) {
    return kind.create(physical, maxDriftMillis);
  }

  /** Op push's receiver-side causal buffer. */
  public CausalBuffer newCausalBuffer() {
    return new CausalBuffer();
  }

  /** The changes a replica sends to a peer whose vector is {@code remote}. */
  public List<Change> changesSince(Replica replica, VersionVector remote) {
    return replica.changesSince(remote);
  }

  /** A replica's anti-entropy protocol instance. */
  public AntiEntropy newAntiEntropy(SyncKind kind, SyncContext ctx) {
    return kind.create(ctx);
  }

  /** The sequencer around the server replica. */
  public Sequencer newSequencer(Replica server) {
    return new Sequencer(server);
  }
}

package dev.entente.simulations.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every fault the simulator can inject, by its option name. Scheduled faults are planned as events
 * with a start and a duration; ambient faults ({@link Family#AMBIENT}) are parameters that hold for
 * the whole safety phase (message loss, duplication, reordering, delay spread, clock skew and
 * drift). Storage faults ({@link Family#STORAGE}) are scheduled like the others and make the run
 * storage-backed.
 */
public enum FaultKind {
  PARTITION_ONE("partition-one", Family.NETWORK),
  PARTITION_MAJORITY("partition-majority", Family.NETWORK),
  PARTITION_RING("partition-ring", Family.NETWORK),
  PARTITION_BRIDGE("partition-bridge", Family.NETWORK),
  PARTITION_ONE_WAY("partition-one-way", Family.NETWORK),
  CLOG("clog", Family.NETWORK),
  SWIZZLE_CLOG("swizzle-clog", Family.NETWORK),
  CRASH("crash", Family.REPLICA),
  AMNESIA("amnesia", Family.REPLICA),
  PAUSE("pause", Family.REPLICA),
  CLOCK_STEP("clock-step", Family.CLOCK),
  CLOCK_STROBE("clock-strobe", Family.CLOCK),
  JOIN("join", Family.MEMBERSHIP),
  LOSS("loss", Family.AMBIENT),
  DUPLICATE("duplicate", Family.AMBIENT),
  REORDER("reorder", Family.AMBIENT),
  DELAY("delay", Family.AMBIENT),
  SKEW("skew", Family.AMBIENT),
  DRIFT("drift", Family.AMBIENT),
  TORN_WRITE("torn-write", Family.STORAGE),
  BIT_FLIP("bit-flip", Family.STORAGE),
  DISK_FULL("disk-full", Family.STORAGE),
  COMPACTION("compaction", Family.COMPACTION);

  /**
   * Faults of one family are planned on one timeline, so they never overlap each other; faults of
   * different families may.
   */
  public enum Family {
    NETWORK,
    REPLICA,
    CLOCK,
    MEMBERSHIP,
    AMBIENT,
    /**
     * Faults of a replica's simulated disk. Enabling any of them makes the run storage-backed:
     * every step of a replica is committed to its disk, and a restart reloads what the disk kept.
     */
    STORAGE,
    /**
     * Not a fault but the environment it needs: replicas exchange stability reports, collect
     * garbage and compact their logs to snapshots (delta sync only; docs/compaction.md). Never
     * planned on a timeline, and not part of the {@code all} group.
     */
    COMPACTION
  }

  private final String optionName;
  private final Family family;

  FaultKind(String optionName, Family family) {
    this.optionName = optionName;
    this.family = family;
  }

  /**
   * Whether a nemesis starts this kind on the run's timeline: false for ambient faults, which hold
   * all run long, and for compaction, which is a mode of the run rather than a fault.
   */
  public boolean scheduled() {
    return family != Family.AMBIENT && family != Family.COMPACTION;
  }

  /** The option name, e.g. {@code partition-one}. */
  public String optionName() {
    return optionName;
  }

  /** The family. */
  public Family family() {
    return family;
  }

  /** True for the partition kinds. */
  public boolean isPartition() {
    return optionName.startsWith("partition-");
  }

  /**
   * Parses a comma-separated list of fault names and groups: {@code partition} (all partition
   * kinds), {@code network} (loss, duplicate, reorder, delay), {@code clock} (step, strobe, skew,
   * drift), {@code replica} (crash, amnesia, pause), {@code storage} (torn-write, bit-flip,
   * disk-full), {@code all}, {@code none}.
   *
   * @throws IllegalArgumentException naming the unknown entry
   */
  public static Set<FaultKind> parseList(String text) {
    EnumSet<FaultKind> out = EnumSet.noneOf(FaultKind.class);
    for (String raw : text.split(",")) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || name.equals("none")) {
        continue;
      }
      out.addAll(group(name));
    }
    return out;
  }

  /** The names of {@code faults} in declaration order, comma-separated, or {@code none}. */
  public static String describe(Set<FaultKind> faults) {
    List<String> names = new ArrayList<>();
    for (FaultKind k : values()) {
      if (faults.contains(k)) {
        names.add(k.optionName);
      }
    }
    return names.isEmpty() ? "none" : String.join(",", names);
  }

  private static Set<FaultKind> group(String name) {
    switch (name) {
      case "all":
        // Compaction is not a fault: "all" keeps meaning every fault, as before it existed.
        return EnumSet.complementOf(EnumSet.of(COMPACTION));
      case "partition":
        return EnumSet.of(
            PARTITION_ONE, PARTITION_MAJORITY, PARTITION_RING, PARTITION_BRIDGE, PARTITION_ONE_WAY);
      case "network":
        return EnumSet.of(LOSS, DUPLICATE, REORDER, DELAY);
      case "clock":
        return EnumSet.of(CLOCK_STEP, CLOCK_STROBE, SKEW, DRIFT);
      case "replica":
        return EnumSet.of(CRASH, AMNESIA, PAUSE);
      case "storage":
        return EnumSet.of(TORN_WRITE, BIT_FLIP, DISK_FULL);
      default:
        for (FaultKind k : values()) {
          if (k.optionName.equals(name)) {
            return EnumSet.of(k);
          }
        }
        throw new IllegalArgumentException(
            "'"
                + name
                + "' is not a fault; expected one of "
                + describe(EnumSet.allOf(FaultKind.class))
                + " or a group: partition, network, clock, replica, storage, all, none");
    }
  }
}

package dev.entente.simulations.run;

import dev.entente.model.VersionVector;
import dev.entente.model.history.Keyword;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Faults of a machine's simulated disk, on a random up replica of a storage-backed run (never the
 * sequencer's server, which keeps no disk):
 *
 * <ul>
 *   <li>{@code :torn-write}: the machine's next commit crashes after writing none (the unsynced
 *       suffix is lost) or part (a torn last record) of its record; the step is not acknowledged
 *       and the machine goes down until the fault ends.
 *   <li>{@code :bit-flip}: a bit of one stored record flips and the machine crashes; its restart at
 *       the fault's end catches the flip by the record's checksum, quarantines the record and
 *       recovers the rest. Only a record whose changes every other up replica has is chosen, so the
 *       flip alone loses no write the cluster acknowledged.
 *   <li>{@code :disk-full}: the disk holds only a few more bytes; a commit that does not fit is
 *       refused, nothing of it is acknowledged, and the machine goes down until the fault ends.
 * </ul>
 */
final class StorageNemesis implements Nemesis {
  private static final int MAX_TORN_BYTES = 40;
  private static final int MAX_HEADROOM_BYTES = 400;

  private final World world;

  StorageNemesis(World world) {
    this.world = world;
  }

  @Override
  public Set<FaultKind> kinds() {
    return EnumSet.of(FaultKind.TORN_WRITE, FaultKind.BIT_FLIP, FaultKind.DISK_FULL);
  }

  @Override
  public void start(PlannedFault fault, Prng prng) {
    FaultKind k = fault.kind();
    SimNode target = target(prng);
    if (target == null) {
      world.nemesisEvent("skip", k.optionName() + ": no up replica with a disk");
      return;
    }
    NodeDisk disk = disk(target);
    boolean started =
        switch (k) {
          case TORN_WRITE -> tear(target, disk, prng);
          case BIT_FLIP -> flip(target, disk, prng);
          default -> fill(target, disk, prng);
        };
    if (started) {
      world.at(
          Nemesis.end(fault),
          "fault-end " + k.optionName(),
          () -> {
            if (!world.converging()) {
              heal(target);
            }
          });
    }
  }

  @Override
  public void healAll() {
    for (SimNode n : world.machines()) {
      if (n.disk != null) {
        heal(n);
      }
    }
  }

  private @Nullable SimNode target(Prng prng) {
    List<SimNode> withDisk = new ArrayList<>();
    for (SimNode n : world.liveReplicas()) {
      if (n.disk != null) {
        withDisk.add(n);
      }
    }
    return withDisk.isEmpty() ? null : prng.pick(withDisk);
  }

  private static NodeDisk disk(SimNode n) {
    NodeDisk d = n.disk;
    if (d == null) {
      throw new IllegalStateException(n + " has no disk");
    }
    return d;
  }

  private boolean tear(SimNode target, NodeDisk disk, Prng prng) {
    int keep = prng.nextInt(2) == 0 ? 0 : 1 + prng.nextInt(MAX_TORN_BYTES);
    disk.armTear(keep);
    event("torn-write", target, "keep-bytes", keep);
    return true;
  }

  private boolean flip(SimNode target, NodeDisk disk, Prng prng) {
    List<VersionVector> others = new ArrayList<>();
    for (SimNode n : world.liveReplicas()) {
      if (n != target) {
        others.add(n.replica().versionVector());
      }
    }
    List<Integer> records = disk.replicatedRecords(others);
    if (records.isEmpty()) {
      world.nemesisEvent("skip", "bit-flip: no record of " + target.id + " is replicated");
      return false;
    }
    int record = prng.pick(records);
    disk.flip(record, prng.nextInt(NodeDisk.MIN_PAYLOAD_BITS));
    event("bit-flip", target, "record", record);
    target.crash(false);
    target.storageDown = true;
    return true;
  }

  private boolean fill(SimNode target, NodeDisk disk, Prng prng) {
    long headroom = prng.nextInt(MAX_HEADROOM_BYTES);
    disk.disk().setCapacity(disk.disk().usedBytes() + headroom);
    event("disk-full", target, "free-bytes", headroom);
    return true;
  }

  private void event(String f, SimNode target, String what, long amount) {
    world.nemesisEvent(f, Map.of(Keyword.of("node"), target.id.value(), Keyword.of(what), amount));
  }

  /** Ends the node's disk fault; a machine its disk took down restarts from what the disk kept. */
  private void heal(SimNode n) {
    NodeDisk disk = disk(n);
    disk.disarm();
    disk.disk().setCapacity(Long.MAX_VALUE);
    if (n.storageDown && n.status == SimNode.Status.CRASHED) {
      world.startReplica(n, n.id, null);
      world.nemesisEvent("restart", n.id.value());
    }
  }
}

package dev.entente.simulations.run;

import dev.entente.simulations.net.Partition;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Network partitions ({@code :partition} / {@code :heal}), of the shapes in {@link Partition}: a
 * new partition replaces the current one, and a partition's end heals only if it is still the
 * current one. Needs at least two endpoints.
 */
final class PartitionNemesis implements Nemesis {
  private static final Set<FaultKind> KINDS =
      EnumSet.of(
          FaultKind.PARTITION_ONE,
          FaultKind.PARTITION_MAJORITY,
          FaultKind.PARTITION_RING,
          FaultKind.PARTITION_BRIDGE,
          FaultKind.PARTITION_ONE_WAY);

  private final World world;

  PartitionNemesis(World world) {
    this.world = world;
  }

  @Override
  public Set<FaultKind> kinds() {
    return KINDS;
  }

  @Override
  public void start(PlannedFault fault, Prng prng) {
    FaultKind k = fault.kind();
    List<Integer> endpoints = world.endpointSlots();
    if (endpoints.size() < 2) {
      world.nemesisEvent("skip", k.optionName() + ": fewer than two endpoints");
      return;
    }
    Partition p =
        switch (k) {
          case PARTITION_ONE -> Partition.isolateOne(endpoints, prng);
          case PARTITION_MAJORITY -> Partition.majority(endpoints, prng);
          case PARTITION_RING -> Partition.majoritiesRing(endpoints, prng);
          case PARTITION_BRIDGE -> Partition.bridge(endpoints, prng);
          default -> Partition.oneWay(endpoints, prng);
        };
    world.network().partition(p);
    world.nemesisEvent("partition", p.description());
    world.at(
        Nemesis.end(fault),
        "fault-end partition",
        () -> {
          if (!world.converging() && world.network().partition() == p) {
            world.network().heal();
            world.nemesisEvent("heal", p.description());
          }
        });
  }

  @Override
  public void healAll() {
    world.network().heal();
  }
}

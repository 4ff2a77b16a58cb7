package dev.entente.simulations.run;

import dev.entente.simulations.ClockOptions;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Several nemeses as one: a fault goes to the member whose {@link #kinds()} hold it (a kind no
 * member starts, such as an ambient fault, is recorded as {@code :skip}), and the final heal heals
 * the members in their order. Immutable list of members.
 */
final class CompositeNemesis implements Nemesis {
  private final World world;
  private final List<Nemesis> members;

  CompositeNemesis(World world, List<Nemesis> members) {
    this.world = world;
    this.members = List.copyOf(members);
  }

  /**
   * Every fault family of the simulator, healed in this order at the end of the safety phase: the
   * network (partitions, then clogs), the replicas' disks (so that a machine restarted at the heal
   * finds its disk whole), the replicas' processes, their clocks, membership, and the ambient
   * message faults (loss and duplication stop).
   */
  static CompositeNemesis all(World world, ClockOptions clock) {
    return new CompositeNemesis(
        world,
        List.of(
            new PartitionNemesis(world),
            new ClogNemesis(world),
            new StorageNemesis(world),
            new ProcessNemesis(world),
            new ClockNemesis(world, clock),
            new JoinNemesis(world),
            new MessageNemesis(world)));
  }

  @Override
  public Set<FaultKind> kinds() {
    Set<FaultKind> out = EnumSet.noneOf(FaultKind.class);
    for (Nemesis n : members) {
      out.addAll(n.kinds());
    }
    return out;
  }

  @Override
  public void start(PlannedFault fault, Prng prng) {
    for (Nemesis n : members) {
      if (n.kinds().contains(fault.kind())) {
        n.start(fault, prng);
        return;
      }
    }
    world.nemesisEvent("skip", fault.kind().optionName() + " is not a scheduled fault");
  }

  @Override
  public void healAll() {
    for (Nemesis n : members) {
      n.healAll();
    }
  }
}

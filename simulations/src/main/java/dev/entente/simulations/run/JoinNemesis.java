package dev.entente.simulations.run;

import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Membership: {@code :join} adds a machine in the next slot, which bootstraps from a random up
 * replica's state outside the network (under the sequencer it is one more client). A join is never
 * undone.
 */
final class JoinNemesis implements Nemesis {
  private final World world;

  JoinNemesis(World world) {
    this.world = world;
  }

  @Override
  public Set<FaultKind> kinds() {
    return EnumSet.of(FaultKind.JOIN);
  }

  @Override
  public void start(PlannedFault fault, Prng prng) {
    List<SimNode> up = world.liveReplicas();
    SimNode joiner = world.addNode();
    if (world.sequencerMode()) {
      world.nemesisEvent("join", joiner.id.value());
      return;
    }
    if (up.isEmpty()) {
      world.nemesisEvent("join", joiner.id.value() + " empty");
      return;
    }
    SimNode peer = prng.pick(up);
    world.bootstrap(joiner, peer);
    Coverage.mark(SimMark.NEMESIS_JOIN_BOOTSTRAP);
    world.nemesisEvent("join", joiner.id.value() + " from " + peer.id.value());
  }

  /** Joined machines stay. */
  @Override
  public void healAll() {}
}

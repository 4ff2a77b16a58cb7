package dev.entente.simulations.run;

import dev.entente.simulations.net.NetworkConfig;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import java.util.EnumSet;
import java.util.Set;

/**
 * Message faults: loss and duplication are ambient, on from the first message of the run (the
 * network's {@link NetworkConfig}), so nothing is scheduled; the final heal stops them. Delay and
 * reordering stay: they are how the network is, not faults that end.
 */
final class MessageNemesis implements Nemesis {
  private final World world;

  MessageNemesis(World world) {
    this.world = world;
  }

  /** None: message faults are never scheduled. */
  @Override
  public Set<FaultKind> kinds() {
    return EnumSet.noneOf(FaultKind.class);
  }

  @Override
  public void start(PlannedFault fault, Prng prng) {
    throw new IllegalArgumentException("message faults are ambient, not scheduled: " + fault);
  }

  /** Calms the network: no more loss or duplication. */
  @Override
  public void healAll() {
    NetworkConfig c = world.network().config();
    world
        .network()
        .configure(
            new NetworkConfig(
                c.delayTicksMin(),
                c.delayTicksMax(),
                c.delay(),
                Ratio.ZERO,
                Ratio.ZERO,
                c.reorder()));
  }
}

package dev.entente.simulations.run;

import dev.entente.model.history.Keyword;
import dev.entente.simulations.ClockOptions;
import dev.entente.simulations.event.RunEvent;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Faults of a machine's physical clock (any machine; the server under the sequencer): {@code
 * :clock-step} jumps it to a new offset in {@code [-stepMax, stepMax]} ms, which stays until the
 * final heal resets clocks; {@code :clock-strobe} / {@code :clock-strobe-stop} flips it between
 * +amplitude and its true offset every period. Skew and drift are the hardware and stay.
 */
final class ClockNemesis implements Nemesis {
  private final World world;
  private final ClockOptions options;

  ClockNemesis(World world, ClockOptions options) {
    this.world = world;
    this.options = options;
  }

  @Override
  public Set<FaultKind> kinds() {
    return EnumSet.of(FaultKind.CLOCK_STEP, FaultKind.CLOCK_STROBE);
  }

  @Override
  public void start(PlannedFault fault, Prng prng) {
    if (fault.kind() == FaultKind.CLOCK_STEP) {
      step(prng);
    } else {
      strobe(prng, Nemesis.end(fault));
    }
  }

  /** Resets every clock (an NTP reset). */
  @Override
  public void healAll() {
    List<SimNode> all = new ArrayList<>(world.machines());
    if (world.server() != null) {
      all.add(world.server());
    }
    for (SimNode n : all) {
      long undone = -n.physical.stepMillis();
      n.physical.reset();
      if (undone != 0) {
        world.record(() -> new RunEvent.ClockStepped(world.now(), n.baseName, undone));
      }
    }
  }

  private void step(Prng prng) {
    SimNode n = target(prng);
    long max = Math.max(1, options.stepMillisMax());
    long offset = prng.between(-max, max);
    long delta = offset - n.physical.stepMillis();
    n.physical.step(delta);
    world.record(() -> new RunEvent.ClockStepped(world.now(), n.baseName, delta));
    world.nemesisEvent(
        "clock-step", Map.of(Keyword.of("node"), n.baseName, Keyword.of("offset"), offset));
  }

  private void strobe(Prng prng, long end) {
    SimNode n = target(prng);
    long amplitude = prng.between(1, Math.max(1, options.strobeMillisMax()));
    long period = prng.between(1, 50);
    n.physical.strobe(amplitude, period);
    world.nemesisEvent(
        "clock-strobe",
        Map.of(
            Keyword.of("node"), n.baseName,
            Keyword.of("amplitude"), amplitude,
            Keyword.of("period"), period));
    world.at(
        end,
        "fault-end strobe",
        () -> {
          if (!world.converging()) {
            n.physical.stopStrobe();
            world.nemesisEvent("clock-strobe-stop", n.baseName);
          }
        });
  }

  private SimNode target(Prng prng) {
    return world.sequencerMode() ? world.requireServer() : prng.pick(world.machines());
  }
}

package dev.entente.simulations.run;

import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Clogs ({@code :clog} / {@code :unclog}): arrivals at or from one endpoint are held, then
 * released. Swizzle-clog clogs the endpoints one by one in random order over the first half of the
 * fault, then unclogs them in reverse order (FoundationDB's swizzle).
 */
final class ClogNemesis implements Nemesis {
  private final World world;

  ClogNemesis(World world) {
    this.world = world;
  }

  @Override
  public Set<FaultKind> kinds() {
    return EnumSet.of(FaultKind.CLOG, FaultKind.SWIZZLE_CLOG);
  }

  @Override
  public void start(PlannedFault fault, Prng prng) {
    if (fault.kind() == FaultKind.CLOG) {
      int slot = prng.pick(world.endpointSlots());
      clogNow(slot);
      world.at(Nemesis.end(fault), "fault-end clog", () -> unclogNow(slot));
    } else {
      swizzle(prng, fault.durationTicks());
    }
  }

  @Override
  public void healAll() {
    world.network().unclogAll();
  }

  private void swizzle(Prng prng, long duration) {
    List<Integer> order = new ArrayList<>(world.endpointSlots());
    for (int i = order.size() - 1; i > 0; i--) {
      int j = prng.nextInt(i + 1);
      Integer t = order.get(i);
      order.set(i, order.get(j));
      order.set(j, t);
    }
    int n = order.size();
    long step = Math.max(1, duration / (2L * n));
    for (int i = 0; i < n; i++) {
      int clogSlot = order.get(i);
      int unclogSlot = order.get(n - 1 - i);
      world.after(i * step, "swizzle clog " + clogSlot, () -> clogNow(clogSlot));
      world.after((n + i) * step, "swizzle unclog " + unclogSlot, () -> unclogNow(unclogSlot));
    }
  }

  private void clogNow(int slot) {
    if (!world.converging()) {
      world.network().clog(slot);
      world.nemesisEvent("clog", world.nodeAt(slot).baseName);
    }
  }

  private void unclogNow(int slot) {
    if (!world.converging() && world.network().cloggedSlots().contains(slot)) {
      world.network().unclog(slot);
      world.nemesisEvent("unclog", world.nodeAt(slot).baseName);
    }
  }
}

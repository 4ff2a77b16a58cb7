package dev.entente.simulations.coverage;

import dev.entente.impl.coverage.ImplMark;
import dev.entente.model.coverage.MarkCatalogue;
import java.util.List;

/** Every coverage mark a simulated run can hit: {@code impl}'s and the simulator's. */
public final class Marks {
  /** The catalogue of {@link ImplMark} and {@link SimMark}. */
  public static final MarkCatalogue CATALOGUE =
      MarkCatalogue.of(List.of(ImplMark.values()), List.of(SimMark.values()));

  private Marks() {}
}

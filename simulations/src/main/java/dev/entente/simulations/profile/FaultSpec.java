package dev.entente.simulations.profile;

import dev.entente.model.Check;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.random.Ratio;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A profile's fault set: either a fixed set ({@code chances} empty), or a chance per fault drawn
 * per seed by {@link FaultDraw}, keyed by the fault's option name. Immutable.
 *
 * @param fixed the faults of every run; empty when drawn
 * @param chances each drawable fault's chance of being in a run; empty when fixed
 */
public record FaultSpec(Set<FaultKind> fixed, Map<FaultKind, Ratio> chances) {
  /** Copies and checks that at most one of the two forms is used. */
  public FaultSpec {
    EnumSet<FaultKind> f = EnumSet.noneOf(FaultKind.class);
    f.addAll(fixed);
    fixed = Collections.unmodifiableSet(f);
    EnumMap<FaultKind, Ratio> c = new EnumMap<>(FaultKind.class);
    c.putAll(chances);
    chances = Collections.unmodifiableMap(c);
    Check.argument(fixed.isEmpty() || chances.isEmpty(), "faults are fixed or drawn, not both");
  }

  /** A fixed set. */
  public static FaultSpec fixed(Set<FaultKind> faults) {
    return new FaultSpec(faults, Map.of());
  }

  /** A chance per fault. */
  public static FaultSpec drawn(Map<FaultKind, Ratio> chances) {
    return new FaultSpec(Set.of(), chances);
  }

  /** True if the set is drawn per seed. */
  public boolean isDrawn() {
    return !chances.isEmpty();
  }

  /** The faults of the run whose one fault draw is {@code base}. */
  public Set<FaultKind> draw(long base) {
    if (!isDrawn()) {
      return fixed;
    }
    EnumSet<FaultKind> out = EnumSet.noneOf(FaultKind.class);
    chances.forEach(
        (kind, chance) -> {
          if (FaultDraw.included(base, kind.optionName(), chance)) {
            out.add(kind);
          }
        });
    return out;
  }
}

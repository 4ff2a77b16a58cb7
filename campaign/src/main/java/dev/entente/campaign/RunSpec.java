package dev.entente.campaign;

import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;

/**
 * One unit of campaign work: a simulated run (or, for the mutant catalogue, one hunt) of {@code
 * variant} of {@code experiment} with {@code seed}. {@code index} is its position in the whole
 * campaign's list, which is what {@code --shard I/N} splits on. Immutable.
 */
public record RunSpec(
    int index, String experiment, String variant, long seed, Profile profile, Overrides overrides) {
  /** A spec not yet placed in the campaign's list. */
  static RunSpec of(String experiment, String variant, long seed, Profile p, Overrides o) {
    return new RunSpec(-1, experiment, variant, seed, p, o);
  }

  /** A copy at {@code i}. */
  RunSpec at(int i) {
    return new RunSpec(i, experiment, variant, seed, profile, overrides);
  }

  /** Every option of the run. */
  public SimulationOptions options() {
    return profile.resolve(seed, overrides);
  }

  /** The command that replays the run. */
  public String replayCommand() {
    return options().replayCommand();
  }
}

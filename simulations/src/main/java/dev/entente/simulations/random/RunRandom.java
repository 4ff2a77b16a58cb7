package dev.entente.simulations.random;

/**
 * The generators of one run, forked from the seed's root in a fixed order so that each component
 * owns an independent stream: option draws (swarm), the plan (ops and faults), the network, the
 * clocks, the sync protocols, and the nemesis at run time. Mutable (the generators are).
 */
public final class RunRandom {
  private final Prng options;
  private final Prng plan;
  private final Prng network;
  private final Prng clocks;
  private final Prng sync;
  private final Prng nemesis;

  /** Forks the six streams from {@code new Prng(seed)}. */
  public RunRandom(long seed) {
    Prng root = new Prng(seed);
    options = root.fork();
    plan = root.fork();
    network = root.fork();
    clocks = root.fork();
    sync = root.fork();
    nemesis = root.fork();
  }

  /** Option draws (profiles and swarm). */
  public Prng options() {
    return options;
  }

  /** The plan: client ops and the fault schedule. */
  public Prng plan() {
    return plan;
  }

  /** Network delays, loss and duplication. */
  public Prng network() {
    return network;
  }

  /** Per-replica skew and drift. */
  public Prng clocks() {
    return clocks;
  }

  /** Each replica's protocol instance forks its generator from here, in creation order. */
  public Prng sync() {
    return sync;
  }

  /** Run-time nemesis choices not fixed by a planned fault's own seed. */
  public Prng nemesis() {
    return nemesis;
  }
}

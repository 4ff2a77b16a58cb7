package dev.entente.impl.sync;

/**
 * One measurement {@code entente reconcile} asks for, checked: sizes not negative; {@code poisoned}
 * and {@code keyed} apply to {@link ReconcileProtocol#BLOOM} only.
 *
 * @param protocol the protocol to run
 * @param items the number of items both stores share
 * @param missing the number of items only one store holds
 * @param bothSides whether the initiator holds half of the missing ones (rounded down)
 * @param poisoned the number of ids a third party mines against the initiator's filter, 0 for none
 * @param keyed whether Bloom filters key their probe positions with a per-session salt
 * @param seed the seed the stores and salts derive from
 */
public record ReconcileRequest(
    ReconcileProtocol protocol,
    int items,
    int missing,
    boolean bothSides,
    int poisoned,
    boolean keyed,
    long seed) {
  /**
   * Checks the combination.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public ReconcileRequest {
    if (items < 0 || missing < 0) {
      throw new IllegalArgumentException("--items and --missing must be >= 0");
    }
    if (poisoned < 0) {
      throw new IllegalArgumentException("--poisoned must be >= 0");
    }
    if ((poisoned > 0 || keyed) && protocol != ReconcileProtocol.BLOOM) {
      throw new IllegalArgumentException("--poisoned and --keyed apply to bloom only");
    }
  }

  /** Runs the protocol between the two stores this request describes. */
  public ReconcileResult run() {
    return switch (protocol) {
      case RBSR ->
          RbsrReconciler.run(
              ReconcileScenario.build(items, missing, bothSides, seed),
              dev.entente.impl.sync.rbsr.RbsrConfig.DEFAULT,
              seed);
      case BLOOM ->
          BloomReconciler.run(
                  ChangeScenario.build(items, missing, bothSides, poisoned, seed), keyed, seed)
              .result();
      case DELTA -> VersionVectorReconciler.run(items, missing, bothSides);
      case MERKLE ->
          MerkleReconciler.run(
              ReconcileScenario.build(items, missing, bothSides, seed),
              dev.entente.impl.sync.merkle.MerkleConfig.DEFAULT,
              seed);
      case IBLT ->
          IbltReconciler.run(ReconcileScenario.build(items, missing, bothSides, seed), seed);
    };
  }
}

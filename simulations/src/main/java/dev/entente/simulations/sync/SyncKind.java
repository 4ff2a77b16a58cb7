package dev.entente.simulations.sync;

import java.util.Locale;

/**
 * The replication strategies a run can use: the anti-entropy protocols and the sequencer. The
 * constants after {@link #SEQUENCER} run impl's set reconcilers; no existing profile draws them.
 */
public enum SyncKind {
  /** {@link OpPush}. */
  OP,
  /** {@link StateGossip}. */
  STATE,
  /** {@link DeltaPull}. */
  DELTA,
  /** {@link Sequencer}: no anti-entropy, one server. */
  SEQUENCER,
  /** {@link RangeReconcile} over impl's range-based set reconciliation. */
  RBSR,
  /** {@link RangeReconcile} over impl's Merkle tree of time buckets. */
  MERKLE,
  /** {@link BloomSync}: Automerge's Bloom-filter sync over the log as a hash-linked history. */
  BLOOM;

  /** A protocol instance; not for {@link #SEQUENCER}. */
  public AntiEntropy create(SyncContext ctx) {
    return switch (this) {
      case OP -> new OpPush(ctx);
      case STATE -> new StateGossip(ctx);
      case DELTA -> new DeltaPull(ctx);
      case RBSR -> new RangeReconcile(ctx, "rbsr", FrameSession.RBSR);
      case MERKLE -> new RangeReconcile(ctx, "merkle", FrameSession.MERKLE);
      case BLOOM -> new BloomSync(ctx);
      case SEQUENCER -> throw new IllegalStateException("the sequencer is not anti-entropy");
    };
  }

  /**
   * The option name: {@code op}, {@code state}, {@code delta}, {@code sequencer}, {@code rbsr},
   * {@code merkle} or {@code bloom}.
   */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an option name. */
  public static SyncKind parse(String name) {
    for (SyncKind k : values()) {
      if (k.optionName().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + name
            + "' is not a sync variant; expected op, state, delta, sequencer, rbsr, merkle or bloom");
  }
}

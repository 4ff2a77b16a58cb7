package dev.entente.simulations.sync;

import java.util.Locale;

/** The replication strategies a run can use: three anti-entropy protocols and the sequencer. */
public enum SyncKind {
  /** {@link OpPush}. */
  OP,
  /** {@link StateGossip}. */
  STATE,
  /** {@link DeltaPull}. */
  DELTA,
  /** {@link Sequencer}: no anti-entropy, one server. */
  SEQUENCER;

  /** A protocol instance; not for {@link #SEQUENCER}. */
  public AntiEntropy create(SyncContext ctx) {
    return switch (this) {
      case OP -> new OpPush(ctx);
      case STATE -> new StateGossip(ctx);
      case DELTA -> new DeltaPull(ctx);
      case SEQUENCER -> throw new IllegalStateException("the sequencer is not anti-entropy");
    };
  }

  /** The option name: {@code op}, {@code state}, {@code delta} or {@code sequencer}. */
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
        "'" + name + "' is not a sync variant; expected op, state, delta or sequencer");
  }
}

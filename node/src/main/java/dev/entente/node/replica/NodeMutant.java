package dev.entente.node.replica;

import java.util.Locale;

/**
 * Deliberately broken node behaviours that prove the Jepsen checkers bite on real processes, as the
 * simulator's mutants do on simulated ones. Off ({@link #NONE}) unless a test or {@code NodeMain
 * --mutant} turns one on; the {@code entente} command line offers none.
 */
public enum NodeMutant {
  /** The real node. */
  NONE,
  /**
   * {@code /read} answers from a snapshot taken at the last sync tick, so a read right after the
   * client's own write misses it: read-your-writes must fail.
   */
  LAGGING_READS;

  /** Parses {@code none} or {@code lagging-reads}. */
  public static NodeMutant parse(String text) {
    for (NodeMutant m : values()) {
      if (m.label().equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "--mutant must be none or lagging-reads, got '" + text + "'");
  }

  /** The name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

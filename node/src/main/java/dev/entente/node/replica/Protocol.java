package dev.entente.node.replica;

import java.util.Locale;

/** The sync protocol a node speaks through the relay. */
public enum Protocol {
  /** Version vectors: a summary asks for the changes above it. */
  DELTA,
  /** Range-based set reconciliation over content hashes, then the changes the peer lacks. */
  RBSR;

  /** Parses {@code delta} or {@code rbsr}. */
  public static Protocol parse(String name) {
    for (Protocol p : values()) {
      if (p.name().toLowerCase(Locale.ROOT).equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("protocol must be delta or rbsr, got '" + name + "'");
  }

  /** The protocol's name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

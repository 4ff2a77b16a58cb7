package dev.entente.node.jepsen;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The fault families of a Jepsen run, named as on the command line. */
public enum Fault {
  /** SIGKILL a node, later start it again on the same database. */
  KILL,
  /** SIGSTOP a node, later SIGCONT it. */
  PAUSE,
  /** Cut, delay or drop the frames between some nodes and the relay, in their proxies. */
  PARTITION,
  /** Shift a node's physical clock through its control API. */
  CLOCK;

  /** The name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code kill,pause,partition,clock} (any subset; empty means none). */
  public static Set<Fault> parseList(String text) {
    Set<Fault> out = EnumSet.noneOf(Fault.class);
    for (String part : text.split(",", -1)) {
      String p = part.trim();
      if (p.isEmpty() || p.equals("none")) {
        continue;
      }
      boolean found = false;
      for (Fault f : values()) {
        if (f.label().equals(p)) {
          out.add(f);
          found = true;
        }
      }
      if (!found) {
        throw new IllegalArgumentException(
            "--faults: '" + p + "' is not one of kill, pause, partition, clock");
      }
    }
    return out;
  }
}

package dev.entente.simulations.workload;

import java.util.Locale;

/** The workloads: random key-value traffic, or the calendar with its multi-key invariant. */
public enum WorkloadKind {
  /** Random reads and multi-key writes and deletes over {@code kv/<group>/<key>} keys. */
  KV,
  /** Events with {@code start < end}, moved, cancelled and adjusted one end at a time. */
  CALENDAR,
  /** Calendar events under a schema rollout: machines upgrade mid-run (issue 12). */
  ROLLOUT;

  /** The option name. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an option name. */
  public static WorkloadKind parse(String name) {
    for (WorkloadKind k : values()) {
      if (k.optionName().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a workload; expected kv, calendar or rollout");
  }
}

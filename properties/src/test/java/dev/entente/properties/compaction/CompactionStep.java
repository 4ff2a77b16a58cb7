package dev.entente.properties.compaction;

/**
 * One generated step of a {@link CompactionWorld}: what replica {@code replica} does (with {@code
 * peer} for a sync; with key, value and put/delete for a write).
 */
record CompactionStep(Kind kind, int replica, int peer, String key, String value, boolean put) {
  /** What a step does. */
  enum Kind {
    WRITE,
    SYNC,
    REPORT,
    GC,
    COMPACT_LOG,
    RESTART
  }

  @Override
  public String toString() {
    return switch (kind) {
      case WRITE -> "R" + replica + (put ? " put " + key + "=" + value : " delete " + key);
      case SYNC -> "R" + peer + " syncs from R" + replica;
      default -> "R" + replica + " " + kind;
    };
  }
}

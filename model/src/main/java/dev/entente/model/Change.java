package dev.entente.model;

import java.util.List;

/**
 * The unit of replication: ordered ops made atomically by one replica. Immutable.
 *
 * <p>A change is identified by its {@link #dot()} ({@code author}, {@code seq}). {@code seen} is
 * the author's version vector when it made the change: the change has seen every change whose dot
 * {@code seen} covers. The author's own earlier changes are implied, so the constructor normalises
 * {@code seen}'s entry for the author to {@code seq - 1}; two changes that differ only in how they
 * spelled that entry are equal.
 *
 * <p>{@code schemaVersion} is the application schema version the change was written under (issue
 * 12), or {@link #NO_SCHEMA} (0) for data written without a schema; a reader on another version
 * translates the ops through the schema's lenses. {@link #toString()} names it only when set, so
 * the traces of schema-less runs are unchanged.
 *
 * <p>Invariants: {@code seq >= 1}; {@code seen.get(author) == seq - 1}; at least one op and at most
 * {@link #MAX_OPS}; {@code schemaVersion >= 0}.
 */
public record Change(
    ReplicaId author,
    long seq,
    HlcTimestamp timestamp,
    VersionVector seen,
    List<Op> ops,
    int schemaVersion) {
  /** Most ops in one change. */
  public static final int MAX_OPS = 65_535;

  /** The schema version of a change written without a schema. */
  public static final int NO_SCHEMA = 0;

  /**
   * Validates and normalises the change.
   *
   * @throws IllegalArgumentException if a part is null, {@code seq < 1}, {@code seen} claims to
   *     have seen this change or a later one of the same author, or the op list is empty or too
   *     long
   */
  public Change {
    Check.argument(author != null, "change author must not be null");
    Check.argument(seq >= 1, "change seq must be >= 1, was %d", seq);
    // The checks below name the change in their messages; each is guarded so that a valid change
    // (every put makes one) boxes no counter and builds no argument array.
    if (timestamp == null || seen == null || ops == null) {
      Check.argument(timestamp != null, "change %s:%d timestamp must not be null", author, seq);
      Check.argument(seen != null, "change %s:%d seen must not be null", author, seq);
      Check.argument(ops != null, "change %s:%d ops must not be null", author, seq);
    }
    if (seen.get(author) >= seq) {
      Check.argument(
          false,
          "change %s:%d claims to have seen its own change %s:%d",
          author,
          seq,
          author,
          seen.get(author));
    }
    if (ops.isEmpty() || ops.size() > MAX_OPS) {
      Check.argument(!ops.isEmpty(), "change %s:%d has no ops", author, seq);
      Check.argument(
          false, "change %s:%d has %d ops, at most %d", author, seq, ops.size(), MAX_OPS);
    }
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i) == null) {
        Check.argument(false, "change %s:%d op %d is null", author, seq, i);
      }
    }
    if (schemaVersion < 0) {
      Check.argument(
          false, "change %s:%d schema version must be >= 0, was %d", author, seq, schemaVersion);
    }
    seen = seen.with(author, seq - 1);
    ops = List.copyOf(ops);
  }

  /** A change written without a schema ({@link #NO_SCHEMA}). */
  public Change(
      ReplicaId author, long seq, HlcTimestamp timestamp, VersionVector seen, List<Op> ops) {
    this(author, seq, timestamp, seen, ops, NO_SCHEMA);
  }

  /** This change with its schema version set to {@code version}. */
  public Change withSchemaVersion(int version) {
    return new Change(author, seq, timestamp, seen, ops, version);
  }

  /** This change with {@code replacement} ops (same identity; for translation and mutants). */
  public Change withOps(List<Op> replacement) {
    return new Change(author, seq, timestamp, seen, replacement, schemaVersion);
  }

  /** This change's identity. */
  public Dot dot() {
    return new Dot(author, seq);
  }

  /** True if this change has seen {@code other}: its {@code seen} vector covers other's dot. */
  public boolean hasSeen(Change other) {
    return seen.covers(other.dot());
  }

  /** The record's usual form; the schema version appears only when set. */
  @Override
  public String toString() {
    return "Change[author="
        + author
        + ", seq="
        + seq
        + ", timestamp="
        + timestamp
        + ", seen="
        + seen
        + ", ops="
        + ops
        + (schemaVersion == NO_SCHEMA ? "" : ", schemaVersion=" + schemaVersion)
        + "]";
  }
}

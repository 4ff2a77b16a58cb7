package dev.entente.impl.sync.merkle;

import dev.entente.impl.sync.rbsr.Bound;
import dev.entente.model.Check;

/**
 * A bucket of the time tree: at depth {@code d} (0..16) the timestamps whose top {@code 4d} bits
 * are {@code prefix}; the root (depth 0) holds every timestamp, a leaf (depth 16) one millisecond.
 *
 * @param depth 0..{@link #LEAF_DEPTH}
 * @param prefix the bucket's number at its depth: below 16^depth, and no bucket lies wholly above
 *     {@link Bound#MAX_TIMESTAMP}
 */
public record Node(int depth, long prefix) {
  /** The depth of the one-millisecond buckets. */
  public static final int LEAF_DEPTH = 16;

  /** Children per node. */
  public static final int BRANCHING = 16;

  /** The root. */
  public static final Node ROOT = new Node(0, 0);

  /** Checks the ranges. */
  public Node {
    Check.argument(depth >= 0 && depth <= LEAF_DEPTH, "depth must be in 0..16");
    Check.argument(prefix >= 0 && prefix <= maxPrefix(depth), "prefix out of range for depth");
  }

  /** The largest prefix a bucket at {@code depth} may have. */
  public static long maxPrefix(int depth) {
    return depth == 0 ? 0 : Bound.MAX_TIMESTAMP >>> (64 - 4 * depth);
  }

  /** The first timestamp in the bucket. */
  public long firstTimestamp() {
    return depth == 0 ? 0 : prefix << (64 - 4 * depth);
  }

  /** The first timestamp above the bucket, or {@code Long.MAX_VALUE} if none is. */
  public long endTimestamp() {
    if (depth == 0) {
      return Long.MAX_VALUE;
    }
    long width = 1L << (64 - 4 * depth);
    long end = firstTimestamp() + width;
    return end < 0 || end > Bound.MAX_TIMESTAMP ? Long.MAX_VALUE : end;
  }

  public boolean isLeaf() {
    return depth == LEAF_DEPTH;
  }

  /** Whether child {@code i} exists (the top of the timestamp range cuts some off). */
  public boolean hasChild(int i) {
    return !isLeaf() && (prefix << 4 | i) <= maxPrefix(depth + 1);
  }

  /** Child {@code i}, 0..15. */
  public Node child(int i) {
    Check.argument(hasChild(i), "no such child");
    return new Node(depth + 1, prefix << 4 | i);
  }
}

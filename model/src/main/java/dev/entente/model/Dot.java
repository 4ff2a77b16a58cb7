package dev.entente.model;

/**
 * The identity of one change: the replica that made it and its position in that replica's sequence
 * of changes, counting from 1. Immutable; ordered by replica, then counter.
 */
public record Dot(ReplicaId replica, long counter) implements Comparable<Dot> {
  /** Validates the dot: a non-null replica and a counter of at least 1. */
  public Dot {
    Check.argument(replica != null, "dot replica must not be null");
    Check.argument(counter >= 1, "dot counter must be >= 1, was %d", counter);
  }

  /** Shorthand for {@code new Dot(ReplicaId.of(replica), counter)}. */
  public static Dot of(String replica, long counter) {
    return new Dot(ReplicaId.of(replica), counter);
  }

  @Override
  public int compareTo(Dot other) {
    // By hand, not a chained Comparator: states sort thousands of dots per simulated step.
    int byReplica = replica.compareTo(other.replica);
    return byReplica != 0 ? byReplica : Long.compare(counter, other.counter);
  }

  @Override
  public String toString() {
    return replica + ":" + counter;
  }
}

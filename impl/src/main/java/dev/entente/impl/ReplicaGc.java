package dev.entente.impl;

import dev.entente.impl.gc.StabilityFrontier;
import dev.entente.model.Change;
import dev.entente.model.VersionVector;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** The conditions under which a replica may collect garbage at a frontier. */
final class ReplicaGc {
  private ReplicaGc() {}

  /**
   * Why garbage collection at {@code frontier} must wait, or null if it is safe: the replica must
   * have delivered the stable dots and every member's head (so each change it receives later was
   * made after its author's report, and has seen the stable dots), and every buffered change must
   * have seen the stable dots too.
   */
  static @Nullable String heldBack(
      StabilityFrontier frontier, VersionVector delivered, Collection<Change> pending) {
    if (!delivered.dominates(frontier.stable())) {
      return "has not delivered the frontier "
          + frontier.stable()
          + " (delivered "
          + delivered
          + ")";
    }
    if (!delivered.dominates(frontier.heads())) {
      return "has not delivered the members' heads "
          + frontier.heads()
          + " (delivered "
          + delivered
          + ")";
    }
    for (Change c : pending) {
      if (!c.seen().dominates(frontier.stable())) {
        return "buffers " + c.dot() + ", which has not seen the frontier " + frontier.stable();
      }
    }
    return null;
  }
}

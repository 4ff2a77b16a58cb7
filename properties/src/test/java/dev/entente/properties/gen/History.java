package dev.entente.properties.gen;

import dev.entente.model.Change;
import java.util.List;

/**
 * A generated history: every change made, in creation order (a causal order), and snapshots of what
 * single replicas had delivered at various points. Each snapshot is causally closed (it holds every
 * change that any of its changes has seen) and listed in creation order, so it can be delivered to
 * an MV map as it stands.
 */
public record History(int replicas, List<Change> changes, List<List<Change>> snapshots) {
  /** Copies the lists. */
  public History {
    changes = List.copyOf(changes);
    snapshots = snapshots.stream().map(List::copyOf).toList();
  }

  /** A snapshot chosen by an arbitrary index (taken modulo the number of snapshots). */
  public List<Change> snapshot(int index) {
    return snapshots.get(Math.floorMod(index, snapshots.size()));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("History[" + replicas + " replicas]");
    for (Change c : changes) {
      out.append("\n  ")
          .append(c.dot())
          .append(" @")
          .append(c.timestamp())
          .append(" seen=")
          .append(c.seen())
          .append(' ')
          .append(c.ops());
    }
    return out.toString();
  }
}

package dev.entente.simulations.sync;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.VersionVector;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The receiver side of causal broadcast: holds a change until the replica has delivered everything
 * the change had seen, for every policy (MV needs it for soundness; LWW and groups get it so that
 * every variant is tested under the same delivery order). Mutable, not thread-safe.
 *
 * <p>Not final: {@link #isDeliverable} is the hook through which a mutant delivers early.
 */
public class CausalBuffer {
  private final TreeMap<Dot, Change> held = new TreeMap<>();
  // Observation only, for coverage marks: the held changes a drain has already left waiting.
  private final Set<Dot> waited = new HashSet<>();

  /** Creates an empty buffer. */
  public CausalBuffer() {}

  /** Holds {@code change} unless the replica already delivered it. */
  public void offer(Change change, VersionVector delivered) {
    if (!delivered.covers(change.dot())) {
      held.putIfAbsent(change.dot(), change);
    }
  }

  /**
   * Applies every held change that has become deliverable, in dot order, repeating until none is;
   * reports each apply result to {@code results}.
   */
  public void drain(Replica replica, Consumer<ApplyResult> results) {
    boolean progress = true;
    while (progress && !held.isEmpty()) {
      progress = false;
      for (Change c : new ArrayList<>(held.values())) {
        VersionVector have = replica.versionVector();
        if (have.covers(c.dot())) {
          held.remove(c.dot());
          waited.remove(c.dot());
        } else if (isDeliverable(have, c)) {
          held.remove(c.dot());
          if (waited.remove(c.dot())) {
            Coverage.mark(SimMark.SYNC_BUFFERED_CHANGE_RELEASED);
          }
          results.accept(replica.apply(c));
          progress = true;
        }
      }
    }
    if (!held.isEmpty()) {
      Coverage.mark(SimMark.SYNC_BUFFER_WAITS);
      waited.addAll(held.keySet());
    }
  }

  /** The held changes, sorted by dot. */
  public List<Change> held() {
    return List.copyOf(held.values());
  }

  /** True if the replica may deliver {@code change} now: its causal past is delivered. */
  protected boolean isDeliverable(VersionVector delivered, Change change) {
    return delivered.dominates(change.seen());
  }
}

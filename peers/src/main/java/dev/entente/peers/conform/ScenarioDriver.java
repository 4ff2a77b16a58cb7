package dev.entente.peers.conform;

import dev.entente.peers.cluster.PeerCluster;
import dev.entente.peers.cluster.PeerNode;
import dev.entente.peers.cluster.SyncPayload;
import dev.entente.simulations.workload.ClientOp;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a conformance scenario can do to its replicas, by slot: write keys (unique values, as the
 * simulator's workload writes them), delete, read, sync one way at once, capture a sync message and
 * deliver it later (or twice), and set a replica's clock offset. Every call advances virtual time
 * by one millisecond. Mutable; owned by one scenario run.
 */
public final class ScenarioDriver {
  private final PeerCluster cluster;
  private final long[] offsetMillis;
  private long tick;

  ScenarioDriver(PeerCluster cluster, int replicas) {
    this.cluster = cluster;
    this.offsetMillis = new long[replicas];
  }

  long tick() {
    return tick;
  }

  long physicalMillis(int slot) {
    return ScenarioRun.EPOCH_MILLIS + tick + offsetMillis[slot];
  }

  /** One change at {@code slot} putting a fresh value into each of {@code keys}. */
  public void write(int slot, String... keys) {
    List<ClientOp.KeyWrite> writes = new ArrayList<>();
    for (String k : keys) {
      writes.add(new ClientOp.KeyWrite(k, false));
    }
    invoke(slot, new ClientOp.Write(writes));
  }

  /** One change at {@code slot} deleting {@code key}. */
  public void delete(int slot, String key) {
    invoke(slot, new ClientOp.Write(List.of(new ClientOp.KeyWrite(key, true))));
  }

  /** A read at {@code slot} (recorded in the history, judged by the checkers). */
  public void read(int slot) {
    invoke(slot, new ClientOp.Read());
  }

  /** Reads at every replica. */
  public void readAll() {
    for (int i = 0; i < offsetMillis.length; i++) {
      read(i);
    }
  }

  /** {@code from}'s sync message to {@code to}, delivered at once. */
  public void sync(int from, int to) {
    SyncPayload p = capture(from, to);
    if (p != null) {
      deliver(p, from, to);
    }
  }

  /** Syncs every ordered pair once, in slot order. */
  public void syncAll() {
    for (int from = 0; from < offsetMillis.length; from++) {
      for (int to = 0; to < offsetMillis.length; to++) {
        if (from != to) {
          sync(from, to);
        }
      }
    }
  }

  /** {@code from}'s sync message to {@code to}, not yet delivered; null if it has none. */
  public @Nullable SyncPayload capture(int from, int to) {
    tick++;
    return cluster.syncOut(node(from), node(to).id());
  }

  /** Delivers a captured message (again, or out of order, as the scenario pleases). */
  public void deliver(SyncPayload payload, int from, int to) {
    tick++;
    cluster.syncIn(node(to), node(from).id(), payload);
  }

  /** Sets {@code slot}'s physical clock {@code millis} away from true time. */
  public void skew(int slot, long millis) {
    offsetMillis[slot] = millis;
  }

  private void invoke(int slot, ClientOp op) {
    tick++;
    cluster.invoke(node(slot), op);
  }

  private PeerNode node(int slot) {
    return cluster.nodes().get(slot);
  }
}

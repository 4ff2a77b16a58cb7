package dev.entente.simulations.run;

import dev.entente.model.Change;
import dev.entente.model.Op;
import dev.entente.model.Verify;
import dev.entente.model.VersionVector;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.simulations.event.RunEvent;
import dev.entente.simulations.schema.Rollout;
import dev.entente.simulations.sync.SyncMessage;
import dev.entente.simulations.workload.ClientOp;
import dev.entente.simulations.workload.OpResolver;
import java.util.List;
import java.util.Map;

/**
 * The client of a replicated run: an op is local and instantaneous on the machine's replica. A read
 * is invoked and completed at one tick with the replica's vector and view; a write is resolved
 * against the replica's current view, made into one change, recorded (invoke and ok) with the whole
 * change, and handed to the replica's protocol. If the replica is crashed or paused the op
 * certainly did not happen: {@code :fail} with {@code :error :crashed} or {@code :paused} and value
 * {@code {:replica id}}. In a storage-backed run a write is acknowledged only once its commit
 * returned; if the commit fails the write is {@code :fail} with {@code :error :storage} and the
 * whole change as its value.
 */
final class ReplicaClient implements Client {
  private static final Keyword REPLICA = Keyword.of("replica");
  private static final Keyword ERROR_CRASHED = Keyword.of("crashed");
  private static final Keyword ERROR_PAUSED = Keyword.of("paused");
  private static final Keyword ERROR_STORAGE = Keyword.of("storage");

  private final World world;

  ReplicaClient(World world) {
    this.world = world;
  }

  @Override
  public void invoke(SimNode node, ClientOp op) {
    if (op instanceof ClientOp.Read) {
      read(node);
    } else {
      write(node, op);
    }
  }

  /** Replicas never send client replies; a reply here is a bug of the run. */
  @Override
  public void onReply(SimNode node, SyncMessage reply) {
    throw new IllegalStateException("a replica client got a reply at " + node + ": " + reply);
  }

  /** Local ops complete at once: nothing ever waits. */
  @Override
  public boolean idle() {
    return true;
  }

  private void read(SimNode node) {
    long t = world.now();
    HistoryRecorder history = world.history();
    history.add(OpType.INVOKE, node.process, KvOps.READ, Map.of(REPLICA, node.id.value()), t, null);
    if (!node.isUp()) {
      fail(node, KvOps.READ);
      return;
    }
    Object value =
        KvOps.readValue(node.id, node.replica().versionVector(), node.replica().materialise());
    history.add(OpType.OK, node.process, KvOps.READ, value, t, null);
  }

  private void write(SimNode node, ClientOp op) {
    long t = world.now();
    HistoryRecorder history = world.history();
    if (!node.isUp()) {
      history.add(
          OpType.INVOKE, node.process, KvOps.WRITE, Map.of(REPLICA, node.id.value()), t, null);
      fail(node, KvOps.WRITE);
      return;
    }
    long seq = node.replica().versionVector().get(node.id) + 1;
    Rollout rollout = world.rollout();
    List<Op> ops;
    int schemaVersion = Change.NO_SCHEMA;
    if (rollout != null && op instanceof ClientOp.SchemaEdit edit) {
      schemaVersion = rollout.versionAt(node.slot, t);
      List<Change> log = node.replica().changesSince(VersionVector.EMPTY);
      ops = rollout.write(edit, node.slot, t, log, node.id + "-" + seq);
    } else {
      ops = OpResolver.resolve(op, node.replica()::materialise, node.id + "-" + seq);
    }
    Change change = node.replica().transact(ops, schemaVersion);
    if (rollout != null) {
      rollout.authored(change);
    }
    Verify.that(
        change.seq() == seq,
        "replica %s made seq %d, expected %d",
        change.author(),
        change.seq(),
        seq);
    if (!world.persist(node)) {
      failUnstored(node, change, t);
      return;
    }
    world.noteTimestampLead(change.timestamp().wallMillis() - node.physical.millis());
    Object value = KvOps.writeValue(change);
    history.add(OpType.INVOKE, node.process, KvOps.WRITE, value, t, null);
    history.add(OpType.OK, node.process, KvOps.WRITE, value, t, null);
    world.record(() -> new RunEvent.LocalWrite(t, change));
    world.send(node, node.sync().onLocalChange(change, world.peers(node)));
  }

  /** The write's commit failed: it is not acknowledged, and certainly not visible after restart. */
  private void failUnstored(SimNode node, Change change, long t) {
    Object value = KvOps.writeValue(change);
    HistoryRecorder history = world.history();
    history.add(OpType.INVOKE, node.process, KvOps.WRITE, value, t, null);
    history.add(OpType.FAIL, node.process, KvOps.WRITE, value, t, ERROR_STORAGE);
  }

  private void fail(SimNode node, Keyword f) {
    Keyword error = node.status == SimNode.Status.PAUSED ? ERROR_PAUSED : ERROR_CRASHED;
    world
        .history()
        .add(OpType.FAIL, node.process, f, Map.of(REPLICA, node.id.value()), world.now(), error);
  }
}

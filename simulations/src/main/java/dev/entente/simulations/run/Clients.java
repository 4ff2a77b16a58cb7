package dev.entente.simulations.run;

import dev.entente.model.Change;
import dev.entente.model.Op;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.simulations.plan.PlannedOp;
import dev.entente.simulations.sync.SyncMessage;
import dev.entente.simulations.workload.ClientOp;
import dev.entente.simulations.workload.OpResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Executes planned client ops and records them in the history with the {@link KvOps} encoding.
 *
 * <p>On a replica, an op is local and instantaneous: a read is invoked and completed at one tick
 * with the replica's vector and view; a write is resolved against the replica's current view, made
 * into one change, and recorded (invoke and ok) with the whole change. If the replica is crashed or
 * paused the op certainly did not happen: {@code :fail} with {@code :error :crashed} or {@code
 * :paused} and value {@code {:replica id}}.
 *
 * <p>Under the sequencer, a client sends a request and completes the op when the reply arrives
 * (reads name the server as {@code :replica}); a request unanswered within the timeout completes as
 * {@code :fail :timeout} for a read (reads have no effect) and {@code :info :timeout} for a write
 * (it may have happened), after which the client continues as a fresh process, as in Jepsen. The
 * invocation of a write carries {@code {:replica client, :ops [...]}}. A client runs one op at a
 * time; a planned op that finds its client busy is skipped (recorded in the trace only).
 */
final class Clients {
  private static final Keyword REPLICA = Keyword.of("replica");
  private static final Keyword OPS = Keyword.of("ops");
  private static final Keyword ERROR_CRASHED = Keyword.of("crashed");
  private static final Keyword ERROR_PAUSED = Keyword.of("paused");
  private static final Keyword ERROR_TIMEOUT = Keyword.of("timeout");

  private record Pending(SimNode client, long process, Keyword f, Object invokeValue) {}

  private final Simulation sim;
  private final Map<Long, Pending> pending = new TreeMap<>();
  private long nextRequest = 1;

  Clients(Simulation sim) {
    this.sim = sim;
  }

  void execute(PlannedOp planned) {
    if (planned.slot() >= sim.slots.size()) {
      sim.trace.add("skip op: no slot " + planned.slot());
      return;
    }
    SimNode node = sim.slots.get(planned.slot());
    sim.touch(node);
    if (sim.sequencerMode) {
      request(node, planned.op());
    } else if (planned.op() instanceof ClientOp.Read) {
      read(node);
    } else {
      write(node, planned.op());
    }
  }

  /** True if no request is waiting for a reply. */
  boolean idle() {
    return pending.isEmpty();
  }

  private void read(SimNode node) {
    long t = sim.loop.now();
    sim.history.add(
        OpType.INVOKE, node.process, KvOps.READ, Map.of(REPLICA, node.id.value()), t, null);
    if (!node.isUp()) {
      fail(node, KvOps.READ);
      return;
    }
    Object value =
        KvOps.readValue(node.id, node.replica.versionVector(), node.replica.materialise());
    sim.history.add(OpType.OK, node.process, KvOps.READ, value, t, null);
  }

  private void write(SimNode node, ClientOp op) {
    long t = sim.loop.now();
    if (!node.isUp()) {
      sim.history.add(
          OpType.INVOKE, node.process, KvOps.WRITE, Map.of(REPLICA, node.id.value()), t, null);
      fail(node, KvOps.WRITE);
      return;
    }
    long seq = node.replica.versionVector().get(node.id) + 1;
    List<Op> ops = OpResolver.resolve(op, node.replica.materialise(), node.id + "-" + seq);
    Change change = node.replica.transact(ops);
    Simulation.verifySeq(change, seq);
    long lead = change.timestamp().wallMillis() - node.physical.millis();
    sim.maxTimestampLead = Math.max(sim.maxTimestampLead, lead);
    Object value = KvOps.writeValue(change);
    sim.history.add(OpType.INVOKE, node.process, KvOps.WRITE, value, t, null);
    sim.history.add(OpType.OK, node.process, KvOps.WRITE, value, t, null);
    sim.send(node, node.sync.onLocalChange(change, sim.peers(node)));
  }

  private void fail(SimNode node, Keyword f) {
    Keyword error = node.status == SimNode.Status.PAUSED ? ERROR_PAUSED : ERROR_CRASHED;
    sim.history.add(
        OpType.FAIL, node.process, f, Map.of(REPLICA, node.id.value()), sim.loop.now(), error);
  }

  private void request(SimNode client, ClientOp op) {
    for (Pending p : pending.values()) {
      if (p.client == client) {
        sim.trace.add("skip op: client " + client.id + " busy");
        return;
      }
    }
    long id = nextRequest++;
    SyncMessage message;
    Object invokeValue;
    Keyword f;
    if (op instanceof ClientOp.Read) {
      f = KvOps.READ;
      invokeValue = Map.of(REPLICA, client.id.value());
      message = new SyncMessage.ReadRequest(id);
    } else {
      f = KvOps.WRITE;
      List<Op> ops = OpResolver.resolve(op, client.lastView, client.id + "-" + id);
      invokeValue = Map.of(REPLICA, client.id.value(), OPS, opsValue(ops));
      message = new SyncMessage.WriteRequest(id, ops);
    }
    sim.history.add(OpType.INVOKE, client.process, f, invokeValue, sim.loop.now(), null);
    pending.put(id, new Pending(client, client.process, f, invokeValue));
    sim.send(client, List.of(new dev.entente.simulations.sync.Outgoing(sim.server.id, message)));
    sim.loop.after(
        sim.options.timing().requestTimeoutTicks(), "timeout request " + id, () -> timeout(id));
  }

  void onReply(SimNode client, SyncMessage reply) {
    long t = sim.loop.now();
    if (reply instanceof SyncMessage.WriteReply w) {
      Pending p = pending.remove(w.requestId());
      if (p == null) {
        sim.trace.add("late reply " + w.requestId());
        return;
      }
      sim.history.add(OpType.OK, p.process, KvOps.WRITE, KvOps.writeValue(w.change()), t, null);
    } else if (reply instanceof SyncMessage.ReadReply r) {
      Pending p = pending.remove(r.requestId());
      if (p == null) {
        sim.trace.add("late reply " + r.requestId());
        return;
      }
      client.lastView = r.view();
      sim.history.add(
          OpType.OK,
          p.process,
          KvOps.READ,
          KvOps.readValue(sim.server.id, r.vv(), r.view()),
          t,
          null);
    }
  }

  private void timeout(long id) {
    Pending p = pending.remove(id);
    if (p == null) {
      return;
    }
    long t = sim.loop.now();
    if (p.f.equals(KvOps.READ)) {
      sim.history.add(OpType.FAIL, p.process, p.f, p.invokeValue, t, ERROR_TIMEOUT);
    } else {
      sim.history.add(OpType.INFO, p.process, p.f, p.invokeValue, t, ERROR_TIMEOUT);
      p.client.process = sim.nextProcess++;
    }
  }

  private static List<Object> opsValue(List<Op> ops) {
    List<Object> out = new ArrayList<>();
    for (Op op : ops) {
      if (op instanceof Op.Put put) {
        out.add(List.of(Keyword.of("put"), put.key().value(), put.value().value()));
      } else {
        out.add(List.of(Keyword.of("delete"), op.key().value()));
      }
    }
    return out;
  }
}

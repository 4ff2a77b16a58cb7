package dev.entente.simulations.run;

import dev.entente.model.Op;
import dev.entente.model.coverage.Coverage;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.simulations.coverage.SimMark;
import dev.entente.simulations.sync.Outgoing;
import dev.entente.simulations.sync.SyncMessage;
import dev.entente.simulations.workload.ClientOp;
import dev.entente.simulations.workload.OpResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client of the single-server sequencer baseline: a client sends a request and completes the op
 * when the reply arrives (reads name the server as {@code :replica}); a request unanswered within
 * the timeout completes as {@code :fail :timeout} for a read (reads have no effect) and {@code
 * :info :timeout} for a write (it may have happened), after which the client continues as a fresh
 * process, as in Jepsen. The invocation of a write carries {@code {:replica client, :ops [...]}}. A
 * client runs one op at a time; a planned op that finds its client busy is skipped (recorded in the
 * trace only).
 */
final class SequencerClient implements Client {
  private static final Keyword REPLICA = Keyword.of("replica");
  private static final Keyword OPS = Keyword.of("ops");
  private static final Keyword ERROR_TIMEOUT = Keyword.of("timeout");

  private record Pending(SimNode client, long process, Keyword f, Object invokeValue) {}

  private final World world;
  private final long timeoutTicks;
  private final Map<Long, Pending> pending = new TreeMap<>();
  private long nextRequest = 1;

  SequencerClient(World world, long timeoutTicks) {
    this.world = world;
    this.timeoutTicks = timeoutTicks;
  }

  @Override
  public boolean idle() {
    return pending.isEmpty();
  }

  @Override
  public void invoke(SimNode client, ClientOp op) {
    for (Pending p : pending.values()) {
      if (p.client == client) {
        world.trace("skip op: client " + client.id + " busy");
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
    world.history().add(OpType.INVOKE, client.process, f, invokeValue, world.now(), null);
    pending.put(id, new Pending(client, client.process, f, invokeValue));
    world.send(client, List.of(new Outgoing(world.requireServer().id, message)));
    world.after(timeoutTicks, "timeout request " + id, () -> timeout(id));
  }

  @Override
  public void onReply(SimNode client, SyncMessage reply) {
    long t = world.now();
    if (reply instanceof SyncMessage.WriteReply w) {
      Pending p = pending.remove(w.requestId());
      if (p == null) {
        Coverage.mark(SimMark.CLIENT_REPLY_AFTER_TIMEOUT);
        world.trace("late reply " + w.requestId());
        return;
      }
      world.history().add(OpType.OK, p.process, KvOps.WRITE, KvOps.writeValue(w.change()), t, null);
    } else if (reply instanceof SyncMessage.ReadReply r) {
      Pending p = pending.remove(r.requestId());
      if (p == null) {
        Coverage.mark(SimMark.CLIENT_REPLY_AFTER_TIMEOUT);
        world.trace("late reply " + r.requestId());
        return;
      }
      client.lastView = r.view();
      Object value = KvOps.readValue(world.requireServer().id, r.vv(), r.view());
      world.history().add(OpType.OK, p.process, KvOps.READ, value, t, null);
    }
  }

  private void timeout(long id) {
    Pending p = pending.remove(id);
    if (p == null) {
      return;
    }
    Coverage.mark(SimMark.CLIENT_REQUEST_TIMED_OUT);
    long t = world.now();
    if (p.f.equals(KvOps.READ)) {
      world.history().add(OpType.FAIL, p.process, p.f, p.invokeValue, t, ERROR_TIMEOUT);
    } else {
      world.history().add(OpType.INFO, p.process, p.f, p.invokeValue, t, ERROR_TIMEOUT);
      p.client.process = world.newProcess();
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

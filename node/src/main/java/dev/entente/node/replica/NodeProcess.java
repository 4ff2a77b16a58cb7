package dev.entente.node.replica;

import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.clock.SystemPhysicalClock;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.impl.storage.StorageException;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.node.RealTime;
import dev.entente.node.relay.RelayConfig;
import dev.entente.node.wire.FrameException;
import dev.entente.node.wire.SyncMessage;
import dev.entente.storage.SqliteStorage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One replica as a process: a {@link DurableReplica} on {@link SqliteStorage} (LWW over an HLC
 * whose physical clock has a settable offset), a {@link RelayClient}, the {@link SyncEngine} and
 * the {@link ControlServer}. Everything that touches the replica runs on one thread, so the replica
 * needs no locks; the control API and the relay hand their work to it. A write the control API
 * acknowledges is committed to SQLite first. Thread-safe.
 */
public final class NodeProcess implements AutoCloseable {
  private final NodeOptions options;
  private final Consumer<String> log;
  private final OffsetClock physical = new OffsetClock(SystemPhysicalClock.INSTANCE);
  private final ScheduledExecutorService thread;
  private final DurableReplica replica;
  private final SyncEngine engine;
  private final RelayClient relay;
  private final ControlServer control;
  private volatile String tickRead = "";

  private NodeProcess(NodeOptions options, Consumer<String> log)
      throws StorageException, IOException {
    this.options = options;
    this.log = log;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "replica-" + options.id());
              t.setDaemon(true);
              return t;
            });
    HybridLogicalClock clock = HybridLogicalClock.unbounded(physical);
    this.replica =
        DurableReplica.open(
            ReplicaId.of(options.id()),
            RegisterPolicy.LWW,
            KeyGroups.byParentPath(),
            clock,
            SqliteStorage.open(options.db(), RegisterPolicy.LWW));
    if (!replica.quarantined().isEmpty()) {
      log.accept("quarantined on open: " + replica.quarantined());
    }
    this.engine = new SyncEngine(replica, options.protocol(), RealTime.freshRandom(), log);
    this.relay =
        new RelayClient(
            options.id(),
            options.relayHost(),
            options.relayPort(),
            RelayConfig.DEFAULT.maxFrameBytes(),
            (source, payload) -> thread.execute(() -> deliver(source, payload)),
            log);
    this.control = new ControlServer(this, options.controlPort());
    thread.scheduleWithFixedDelay(this::tick, 0, options.syncMillis(), TimeUnit.MILLISECONDS);
  }

  /** Opens the replica, connects to the relay and serves the control API. */
  public static NodeProcess start(NodeOptions options, Consumer<String> log)
      throws StorageException, IOException {
    return new NodeProcess(options, log);
  }

  /** The control API's port. */
  public int controlPort() {
    return control.port();
  }

  /** The node's id. */
  public String id() {
    return options.id();
  }

  OffsetClock physical() {
    return physical;
  }

  RelayClient relay() {
    return relay;
  }

  DurableReplica replica() {
    return replica;
  }

  /** Makes and commits one change, pushes it, and returns it (control thread → replica thread). */
  Change transact(List<Op> ops) throws Exception {
    return call(
        () -> {
          Change c = replica.transact(ops);
          send(engine.localChange(c));
          return c;
        });
  }

  /** Runs {@code work} on the replica thread and waits for it (at most 5 s). */
  <T> T call(Callable<T> work) throws Exception {
    try {
      return thread.submit(work).get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof Exception ex ? ex : e;
    } catch (TimeoutException e) {
      throw new IOException("the replica thread did not answer within 5 s", e);
    }
  }

  private void tick() {
    guarded(() -> send(engine.tick()));
    if (options.mutant() == NodeMutant.LAGGING_READS) {
      tickRead = ControlServer.readText(replica, options.id());
    }
  }

  /** The read as {@code /read} answers it (the lagging-reads mutant answers the last tick's). */
  String readText() {
    return options.mutant() == NodeMutant.LAGGING_READS && !tickRead.isEmpty()
        ? tickRead
        : ControlServer.readText(replica, options.id());
  }

  private void deliver(String source, byte[] payload) {
    guarded(
        () -> {
          SyncMessage m;
          try {
            m = SyncMessage.decode(payload);
          } catch (FrameException e) {
            log.accept("malformed payload from " + source + ": " + e.getMessage());
            return;
          }
          send(engine.receive(source, m));
        });
  }

  private void send(List<SyncEngine.Outgoing> out) {
    for (SyncEngine.Outgoing o : out) {
      relay.send(o.destination(), SyncMessage.encode(o.message()));
    }
  }

  /** A step that may fail on storage; logged, never thrown into the executor. */
  interface Step {
    void run() throws StorageException;
  }

  private void guarded(Step step) {
    try {
      step.run();
    } catch (StorageException | RuntimeException e) {
      log.accept("step failed: " + e);
    }
  }

  @Override
  public void close() throws StorageException {
    control.close();
    relay.close();
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    replica.close();
  }
}

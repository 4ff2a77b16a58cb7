package dev.entente.node.jepsen;

import dev.entente.histories.EdnHistoryReader;
import dev.entente.impl.codec.ChangeCodec;
import dev.entente.model.Change;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.node.RealTime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * One client thread bound to one node: reads, puts, deletes and calendar transactions (an event's
 * start and end written together, start &lt; end) on a few hot keys, recorded invoke then ok, fail
 * or info. A write that may have happened (timeout, broken connection) completes {@code :info} and
 * retires the process, as Jepsen does: the thread goes on as process {@code p + clients}. Bounded:
 * it stops at the deadline or after {@link #MAX_OPS} ops, whichever comes first.
 */
final class ClientWorker implements Runnable {
  /** Most ops per client in one run. */
  static final int MAX_OPS = 20_000;

  private static final Keyword REPLICA = Keyword.of("replica");
  private static final Keyword OPS = Keyword.of("ops");

  private final String nodeId;
  private final ControlClient control;
  private final HistoryLog history;
  private final SplittableRandom random;
  private final int clients;
  private final BooleanSupplier running;
  private long process;
  private long counter;
  private boolean refused;

  ClientWorker(
      int index,
      int clients,
      String nodeId,
      ControlClient control,
      HistoryLog history,
      long seed,
      BooleanSupplier running) {
    this.process = index;
    this.clients = clients;
    this.nodeId = nodeId;
    this.control = control;
    this.history = history;
    this.random = new SplittableRandom(seed);
    this.running = running;
  }

  @Override
  public void run() {
    for (int i = 0; i < MAX_OPS && running.getAsBoolean(); i++) {
      int r = random.nextInt(100);
      if (r < 30) {
        read();
      } else {
        write(ops(r));
      }
      // A refused call came back at once: wait longer than usual for the node to come back.
      RealTime.sleep(10 + random.nextInt(30) + (refused ? 100 : 0));
      refused = false;
    }
  }

  private List<List<Object>> ops(int r) {
    String tag = "@p" + process + "-" + ++counter;
    List<List<Object>> ops = new ArrayList<>();
    if (r < 45) {
      String event = "event/" + random.nextInt(4) + "/";
      int start = random.nextInt(100);
      ops.add(List.of("put", event + "start", start + tag));
      ops.add(List.of("put", event + "end", start + 1 + random.nextInt(30) + tag));
    } else if (r < 55) {
      ops.add(List.of("delete", "k" + random.nextInt(8)));
    } else {
      ops.add(List.of("put", "k" + random.nextInt(8), "v" + tag));
    }
    return ops;
  }

  private void read() {
    history.add(OpType.INVOKE, process, KvOps.READ, Map.of(REPLICA, nodeId), null);
    try {
      Object value = EdnHistoryReader.readValue(control.get("/read"));
      history.add(OpType.OK, process, KvOps.READ, value, null);
    } catch (ControlClient.ControlException e) {
      // A read changes nothing, so even an unanswered one certainly had no effect.
      history.add(OpType.FAIL, process, KvOps.READ, Map.of(REPLICA, nodeId), error(e));
    }
  }

  private void write(List<List<Object>> ops) {
    Map<Keyword, Object> invoke = new LinkedHashMap<>();
    invoke.put(REPLICA, nodeId);
    List<Object> shown = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (List<Object> op : ops) {
      shown.add(
          op.size() == 3
              ? List.of(Keyword.of("put"), op.get(1), op.get(2))
              : List.of(Keyword.of("delete"), op.get(1)));
      for (int i = 0; i < op.size(); i++) {
        body.append(i == 0 ? "" : "\t")
            .append(URLEncoder.encode((String) op.get(i), StandardCharsets.UTF_8));
      }
      body.append('\n');
    }
    invoke.put(OPS, shown);
    history.add(OpType.INVOKE, process, KvOps.WRITE, invoke, null);
    try {
      Change c =
          ChangeCodec.decode(
              HexFormat.of().parseHex(control.post("/transact", body.toString()).trim()));
      history.add(OpType.OK, process, KvOps.WRITE, KvOps.writeValue(c), null);
    } catch (ControlClient.ControlException e) {
      boolean certain =
          e.failure == ControlClient.Failure.REFUSED || e.failure == ControlClient.Failure.REJECTED;
      history.add(certain ? OpType.FAIL : OpType.INFO, process, KvOps.WRITE, invoke, error(e));
      if (!certain) {
        process += clients;
      }
    } catch (Exception e) {
      history.add(OpType.INFO, process, KvOps.WRITE, invoke, Keyword.of("bad-reply"));
      process += clients;
    }
  }

  private Keyword error(ControlClient.ControlException e) {
    refused |= e.failure == ControlClient.Failure.REFUSED;
    return Keyword.of(e.failure.name().toLowerCase(java.util.Locale.ROOT));
  }
}

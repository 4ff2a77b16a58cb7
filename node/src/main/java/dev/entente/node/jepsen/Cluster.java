package dev.entente.node.jepsen;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes of one run: the relay and N nodes, each node behind its own {@link FaultProxy},
 * each with a {@link ControlClient}. Starting, stopping and the faults go through here. Closing it
 * stops every process and proxy. Thread-safe.
 */
final class Cluster implements AutoCloseable {
  /** One node: its process, its proxy to the relay, its control client. */
  record Node(String id, Child child, FaultProxy proxy, int controlPort, ControlClient control) {}

  private final Children children = new Children();
  private final List<FaultProxy> proxies = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();

  /** Starts the relay and {@code options.nodes()} nodes; logs go to {@code dir}. */
  static Cluster start(JepsenOptions options, List<String> java, Path dir) throws IOException {
    Cluster c = new Cluster();
    try {
      c.launch(options, java, dir);
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private void launch(JepsenOptions options, List<String> java, Path dir) throws IOException {
    String self = Long.toString(ProcessHandle.current().pid());
    int relayPort = freePort();
    List<String> relay = new ArrayList<>(java);
    relay.addAll(
        List.of(
            "relay",
            "--port",
            Integer.toString(relayPort),
            "--db",
            dir.resolve("relay.db").toString(),
            "--watch-parent",
            self));
    children.start("relay", relay, dir.resolve("relay.log"));
    awaitPort(relayPort, 60);
    for (int i = 1; i <= options.nodes(); i++) {
      String id = "n" + i;
      FaultProxy proxy = new FaultProxy(relayPort, options.seed() * 31 + i);
      proxies.add(proxy);
      int control = freePort();
      List<String> cmd = new ArrayList<>(java);
      cmd.addAll(
          List.of(
              "node",
              "--id",
              id,
              "--relay",
              "127.0.0.1:" + proxy.port(),
              "--db",
              dir.resolve(id + ".db").toString(),
              "--control",
              Integer.toString(control),
              "--protocol",
              options.protocol().label(),
              "--mutant",
              options.mutant().label(),
              "--watch-parent",
              self));
      Child child = children.start(id, cmd, dir.resolve(id + ".log"));
      nodes.add(
          new Node(id, child, proxy, control, new ControlClient(control, Duration.ofSeconds(1))));
    }
  }

  List<Node> nodes() {
    return nodes;
  }

  /** Waits until every node's control API answers; false after {@code seconds}. */
  boolean awaitReady(int seconds) {
    long deadline = dev.entente.node.RealTime.nanos() + seconds * 1_000_000_000L;
    for (Node n : nodes) {
      while (true) {
        try {
          n.control().get("/state");
          break;
        } catch (ControlClient.ControlException e) {
          if (dev.entente.node.RealTime.nanos() > deadline) {
            return false;
          }
          dev.entente.node.RealTime.sleep(100);
        }
      }
    }
    return true;
  }

  /** Pids of every live process of the run (for the orphan test and the logs). */
  List<Long> pids() {
    List<Long> out = new ArrayList<>();
    for (Node n : nodes) {
      out.add(n.child().pid());
    }
    return out;
  }

  /** Waits until something accepts on {@code port}, so the nodes' first connections find it. */
  private static void awaitPort(int port, int seconds) throws IOException {
    long deadline = dev.entente.node.RealTime.nanos() + seconds * 1_000_000_000L;
    while (true) {
      try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException e) {
        if (dev.entente.node.RealTime.nanos() > deadline) {
          throw new IOException(
              "the relay did not listen on port " + port + " within " + seconds + " s", e);
        }
        dev.entente.node.RealTime.sleep(100);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    children.close();
    for (FaultProxy p : proxies) {
      p.close();
    }
  }
}

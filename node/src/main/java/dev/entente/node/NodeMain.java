package dev.entente.node;

import dev.entente.node.jepsen.JepsenOptions;
import dev.entente.node.jepsen.JepsenRun;
import dev.entente.node.relay.RelayConfig;
import dev.entente.node.relay.RelayServer;
import dev.entente.node.replica.NodeMutant;
import dev.entente.node.replica.NodeOptions;
import dev.entente.node.replica.NodeProcess;
import dev.entente.node.replica.Protocol;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the processes the Jepsen driver starts ({@code relay}, {@code node}), and of
 * the driver itself when a test runs it as a process ({@code jepsen}): {@code java -cp ...
 * dev.entente.node.NodeMain relay --port P --db FILE}. The {@code entente} command line offers the
 * same commands through picocli; this class exists so that child JVMs need only this module's class
 * path. {@code --watch-parent PID} makes a child exit when that process is gone, so that a driver
 * killed with SIGKILL leaves no orphan behind.
 */
public final class NodeMain {
  private NodeMain() {}

  /** Runs one command; exits with its status. */
  public static void main(String[] args) throws Exception {
    PrintStream out = stdout();
    if (args.length == 0) {
      out.println("usage: NodeMain relay|node|jepsen --option value ...");
      System.exit(64);
    }
    Map<String, String> o = options(args);
    watchParent(o.get("watch-parent"));
    switch (args[0]) {
      case "relay" -> serveRelay(Integer.parseInt(need(o, "port")), Path.of(need(o, "db")), out);
      case "node" -> serveNode(nodeOptions(o), out);
      case "jepsen" -> System.exit(JepsenRun.main(JepsenOptions.parse(o), out).exitStatus());
      default -> {
        out.println("unknown command '" + args[0] + "': relay, node or jepsen");
        System.exit(64);
      }
    }
  }

  /** {@code entente relay}, logging to stdout. */
  public static void serveRelay(int port, Path db) throws Exception {
    serveRelay(port, db, stdout());
  }

  /** {@code entente node}, logging to stdout; {@code relay} is {@code HOST:PORT}. */
  public static void serveNode(String id, String relay, Path db, int control, String protocol)
      throws Exception {
    serveNode(NodeOptions.of(id, relay, db, control, protocol), stdout());
  }

  private static PrintStream stdout() {
    return new PrintStream(System.out, true, StandardCharsets.UTF_8);
  }

  /** {@code entente relay}: serves until the process is stopped (closing the store on SIGTERM). */
  public static void serveRelay(int port, Path db, PrintStream out) throws Exception {
    RelayServer relay = relay(port, db, out);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(relay)));
    waitForever();
  }

  /** {@code entente node}: serves until the process is stopped. */
  public static void serveNode(NodeOptions options, PrintStream out) throws Exception {
    NodeProcess node = node(options, out);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(node)));
    waitForever();
  }

  /** Starts a relay logging to {@code out} and prints its {@code listening} line. */
  public static RelayServer relay(int port, Path db, PrintStream out) throws Exception {
    RelayServer relay = RelayServer.start(port, db, RelayConfig.DEFAULT, out::println);
    out.println("relay listening on 127.0.0.1:" + relay.port());
    return relay;
  }

  /** Starts a node logging to {@code out} and prints its {@code control} line. */
  public static NodeProcess node(NodeOptions options, PrintStream out) throws Exception {
    NodeProcess node = NodeProcess.start(options, line -> out.println(options.id() + ": " + line));
    out.println(options.id() + ": control on 127.0.0.1:" + node.controlPort());
    return node;
  }

  /** The node's options from {@code --id --relay --db --control [--protocol] [--sync-ms]}. */
  public static NodeOptions nodeOptions(Map<String, String> o) {
    String[] relay = NodeOptions.hostPort(need(o, "relay"));
    return new NodeOptions(
        need(o, "id"),
        relay[0],
        Integer.parseInt(relay[1]),
        Path.of(need(o, "db")),
        Integer.parseInt(need(o, "control")),
        Protocol.parse(o.getOrDefault("protocol", "delta")),
        Long.parseLong(o.getOrDefault("sync-ms", "200")),
        NodeMutant.parse(o.getOrDefault("mutant", "none")));
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "expected --option value at argument " + i + ": " + args[i]);
      }
      o.put(args[i].substring(2), args[++i]);
    }
    return o;
  }

  private static String need(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }

  /** Exits this JVM soon after process {@code pid} ends (polled twice a second). */
  private static void watchParent(@Nullable String pid) {
    if (pid == null) {
      return;
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid));
    Thread t =
        new Thread(
            () -> {
              while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                RealTime.sleep(500);
              }
              Runtime.getRuntime().halt(70);
            },
            "watch-parent");
    t.setDaemon(true);
    t.start();
  }

  private static void waitForever() throws InterruptedException {
    Thread.currentThread().join();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // shutting down: nothing left to tell
    }
  }
}

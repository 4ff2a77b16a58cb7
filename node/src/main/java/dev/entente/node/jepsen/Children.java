package dev.entente.node.jepsen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every process a run starts, stopped on every path: {@link #close} in the driver's {@code
 * finally}, and a shutdown hook for SIGTERM, SIGINT and {@code System.exit}. (Against SIGKILL of
 * the driver, which runs no hook, each child watches the driver's pid and exits when it is gone:
 * {@code NodeMain --watch-parent}.) Thread-safe.
 */
final class Children implements AutoCloseable {
  private final List<Child> all = new CopyOnWriteArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "jepsen-stop-children");

  Children() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Starts a child and keeps it for stopping. */
  Child start(String name, List<String> command, Path log) throws IOException {
    Child c = new Child(name, command, log);
    all.add(c);
    c.start();
    return c;
  }

  /** Stops every child (idempotent). */
  void stopAll() {
    for (Child c : all) {
      c.stop();
    }
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and the hook is running or ran
    }
  }
}

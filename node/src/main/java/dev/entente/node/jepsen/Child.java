package dev.entente.node.jepsen;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One child process of the driver (the relay or a node), restartable with the same command, its
 * output appended to one log file across restarts. Signals go through {@code kill(1)}: the JDK has
 * SIGKILL ({@link Process#destroyForcibly}) and SIGTERM but no SIGSTOP or SIGCONT. Thread-safe.
 */
final class Child {
  private final String name;
  private final List<String> command;
  private final Path log;
  private @Nullable Process process;
  private boolean paused;

  Child(String name, List<String> command, Path log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.log = log;
  }

  String name() {
    return name;
  }

  /** Starts (or restarts) the process. */
  synchronized void start() throws IOException {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()))
            .redirectInput(Redirect.PIPE)
            .start();
    paused = false;
  }

  synchronized boolean alive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  synchronized long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  /** SIGKILL, and waits until it is gone. */
  synchronized void kill() throws InterruptedException {
    Process p = process;
    if (p != null) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    paused = false;
  }

  /** SIGSTOP. */
  synchronized void pause() throws IOException, InterruptedException {
    signal("STOP");
    paused = true;
  }

  /** SIGCONT. */
  synchronized void resume() throws IOException, InterruptedException {
    signal("CONT");
    paused = false;
  }

  synchronized boolean paused() {
    return paused;
  }

  /** Stops it for good: SIGCONT if paused, SIGTERM, then SIGKILL after 3 s. Never throws. */
  synchronized void stop() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    try {
      if (paused) {
        resume();
      }
      p.destroy();
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      p.destroyForcibly();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void signal(String sig) throws IOException, InterruptedException {
    long pid = pid();
    if (pid > 0 && alive()) {
      new ProcessBuilder("kill", "-" + sig, Long.toString(pid))
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return name + "(pid " + pid() + ")";
  }
}

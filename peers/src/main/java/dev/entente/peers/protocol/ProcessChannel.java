package dev.entente.peers.protocol;

import dev.entente.peers.SuppressForbidden;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A replica in a child process, spoken to over its stdin and stdout. This is the harness's one
 * real-time edge: a reader thread queues the child's stdout lines and {@link #call} waits for the
 * next one at most the injected {@code replyTimeout}. A child that does not answer in time is a
 * {@link PeerFinding.Kind#HANG}, one whose output ends is a {@link PeerFinding.Kind#CRASH} (with
 * its exit code and the tail of its stderr), a line that is not one JSON object is {@link
 * PeerFinding.Kind#MALFORMED}: each a {@link PeerFault} carrying the line, and the child is then
 * destroyed. The simulator still owns time and ordering: the child only ever sees one request at a
 * time. Not thread-safe.
 */
@SuppressForbidden
public final class ProcessChannel implements PeerChannel {
  private static final String EOF = "\u0000eof";
  private static final int STDERR_TAIL_LINES = 8;

  private final String replica;
  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final Duration replyTimeout;
  private final Thread stderrPump;
  private boolean dead;

  private ProcessChannel(String replica, Process process, Duration replyTimeout) {
    this.replica = replica;
    this.process = process;
    this.stdin = process.getOutputStream();
    this.replyTimeout = replyTimeout;
    daemon(
        "peer-stdout-" + replica,
        () -> {
          pump(process.getInputStream(), lines::add);
          lines.add(EOF);
        });
    this.stderrPump =
        daemon("peer-stderr-" + replica, () -> pump(process.getErrorStream(), this::onStderr));
  }

  /**
   * Starts {@code command} in {@code directory} as replica {@code replica}.
   *
   * @throws PeerFault ({@link PeerFinding.Kind#CRASH}) if the command cannot be started
   */
  public static ProcessChannel start(
      String replica, List<String> command, @Nullable File directory, Duration replyTimeout)
      throws PeerFault {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (directory != null) {
      builder.directory(directory);
    }
    try {
      return new ProcessChannel(replica, builder.start(), replyTimeout);
    } catch (IOException e) {
      throw new PeerFault(
          new PeerFinding(
              PeerFinding.Kind.CRASH,
              replica,
              "start " + String.join(" ", command),
              "cannot start: " + e.getMessage()));
    }
  }

  @Override
  public String call(String requestLine) throws PeerFault {
    if (dead) {
      throw fault(PeerFinding.Kind.CRASH, requestLine, "the process was already ended");
    }
    try {
      stdin.write((requestLine + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    } catch (IOException e) {
      throw fault(PeerFinding.Kind.CRASH, requestLine, exited("stdin closed: " + e.getMessage()));
    }
    String line = next();
    if (line == null) {
      throw fault(
          PeerFinding.Kind.HANG, requestLine, "no reply within " + replyTimeout.toMillis() + " ms");
    }
    if (line.equals(EOF)) {
      throw fault(PeerFinding.Kind.CRASH, requestLine, exited("stdout ended"));
    }
    if (Json.parseObject(line) == null) {
      throw fault(PeerFinding.Kind.MALFORMED, requestLine, line);
    }
    return line;
  }

  private @Nullable String next() {
    try {
      return lines.poll(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private String exited(String what) {
    String code = "still running";
    try {
      if (process.waitFor(replyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        code = "exit code " + process.exitValue();
        // Its stderr is complete once the process is gone: let the pump read the last lines.
        stderrPump.join(replyTimeout.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (stderrTail) {
      return what + ", " + code + (stderrTail.isEmpty() ? "" : "; stderr: " + stderrTail);
    }
  }

  private PeerFault fault(PeerFinding.Kind kind, String request, String line) {
    close();
    return new PeerFault(new PeerFinding(kind, replica, request, line));
  }

  @Override
  public void close() {
    if (!dead) {
      dead = true;
      try {
        stdin.close();
      } catch (IOException e) {
        // The child is destroyed next; a pipe that will not close changes nothing.
      }
      process.destroyForcibly();
    }
  }

  private void onStderr(String line) {
    synchronized (stderrTail) {
      stderrTail.addLast(line);
      while (stderrTail.size() > STDERR_TAIL_LINES) {
        stderrTail.removeFirst();
      }
    }
  }

  private static void pump(InputStream in, Consumer<String> sink) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        sink.accept(line);
      }
    } catch (IOException e) {
      // The stream broke: the same as its end.
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}

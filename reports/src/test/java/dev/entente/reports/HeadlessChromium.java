package dev.entente.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol (CDP) with the JDK's own
 * WebSocket client: no Selenium, no driver binary, no extra dependency.
 *
 * <p>Why CDP and not {@code --dump-dom} plus stderr: Chromium's stderr carries unrelated {@code
 * ERROR} lines (D-Bus is absent in a container) and its console-to-stderr format is not a contract,
 * while CDP reports exactly the page's console calls ({@code Runtime.consoleAPICalled}), uncaught
 * exceptions ({@code Runtime.exceptionThrown}) and browser-side errors such as a Content-Security-
 * Policy violation or a failed load ({@code Log.entryAdded}), and lets the test measure the
 * laid-out page ({@code Runtime.evaluate}) without putting any script into the report itself.
 *
 * <p>Chromium is started with {@code --remote-debugging-port=0}: it picks a free loopback port and
 * writes it to {@code DevToolsActivePort} in its fresh user-data directory, which this class reads.
 * Not thread-safe: one test thread drives it.
 */
final class HeadlessChromium implements AutoCloseable {
  /** Where Debian's package installs it. */
  static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path userDataDir;
  private final Duration timeout;
  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();

  private HeadlessChromium(Process process, Path userDataDir, Duration timeout, String wsUrl) {
    this.process = process;
    this.userDataDir = userDataDir;
    this.timeout = timeout;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(timeout)
            .buildAsync(URI.create(wsUrl), new Listener())
            .orTimeout(timeout.toSeconds(), TimeUnit.SECONDS)
            .join();
  }

  /**
   * Finds the Chromium executable: {@code -Dreports.chromium}, else {@code /usr/bin/chromium}, else
   * {@code chromium} on the {@code PATH}; {@code null} if there is none.
   */
  static Path find() {
    String configured = System.getProperty("reports.chromium");
    if (configured != null && !configured.isBlank()) {
      return Files.isExecutable(Path.of(configured)) ? Path.of(configured) : null;
    }
    if (Files.isExecutable(DEBIAN_CHROMIUM)) {
      return DEBIAN_CHROMIUM;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    return Stream.of(path.split(java.io.File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "chromium"))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  /**
   * Starts Chromium headless with the flags this machine needs (no sandbox as root, no GPU, no
   * background network traffic) and connects to it.
   *
   * @param executable the browser
   * @param logFile where Chromium's stdout and stderr go (kept as a build artifact)
   * @param timeout how long to wait for each step
   */
  static HeadlessChromium start(Path executable, Path logFile, Duration timeout)
      throws IOException, InterruptedException {
    Path userDataDir = Files.createTempDirectory("entente-chromium-");
    List<String> command =
        List.of(
            executable.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + userDataDir,
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--window-size=1280,2000",
            "about:blank");
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    try {
      String wsUrl = awaitDevToolsUrl(process, userDataDir, logFile, timeout);
      return new HeadlessChromium(process, userDataDir, timeout, wsUrl);
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      deleteQuietly(userDataDir);
      throw e;
    }
  }

  private static String awaitDevToolsUrl(
      Process process, Path userDataDir, Path logFile, Duration timeout)
      throws IOException, InterruptedException {
    Path portFile = userDataDir.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Chromium exited with status "
                + process.exitValue()
                + " before DevTools started; "
                + "its output is in "
                + logFile
                + ":\n"
                + tail(logFile));
      }
      if (Files.exists(portFile)) {
        List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
        if (lines.size() >= 2 && !lines.get(0).isBlank() && !lines.get(1).isBlank()) {
          return "ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim();
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "Chromium did not open DevTools within "
            + timeout.toSeconds()
            + " s; output in "
            + logFile
            + ":\n"
            + tail(logFile));
  }

  /** Opens a new tab; returns its CDP session id, with the Page, Runtime and Log domains on. */
  String openTab() throws InterruptedException, TimeoutException {
    String targetId =
        send(null, "Target.createTarget", params("url", "about:blank")).get("targetId").asText();
    ObjectNode attach = params("targetId", targetId);
    attach.put("flatten", true);
    String session = send(null, "Target.attachToTarget", attach).get("sessionId").asText();
    send(session, "Page.enable", params());
    send(session, "Runtime.enable", params());
    send(session, "Log.enable", params());
    return session;
  }

  /** Navigates the tab to {@code url} and waits for its load event. */
  void load(String session, String url) throws InterruptedException, TimeoutException {
    JsonNode result = send(session, "Page.navigate", params("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IllegalStateException("navigation to " + url + " failed: " + result);
    }
    awaitEvent(
        event ->
            session.equals(event.path("sessionId").asText())
                && event.path("method").asText().equals("Page.loadEventFired"));
  }

  /** Evaluates {@code expression} in the page and returns its value (JSON-serialisable). */
  JsonNode evaluate(String session, String expression)
      throws InterruptedException, TimeoutException {
    ObjectNode evaluate = params("expression", expression);
    evaluate.put("returnByValue", true);
    JsonNode result = send(session, "Runtime.evaluate", evaluate);
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("evaluation failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Takes a PNG of the whole page at 1280 px wide. */
  byte[] screenshot(String session) throws InterruptedException, TimeoutException {
    JsonNode metrics = send(session, "Page.getLayoutMetrics", params());
    int height = (int) Math.ceil(metrics.path("cssContentSize").path("height").asDouble(2000));
    ObjectNode device = params();
    device.put("width", 1280);
    device.put("height", Math.max(1, Math.min(height, 16_000)));
    device.put("deviceScaleFactor", 1);
    device.put("mobile", false);
    send(session, "Emulation.setDeviceMetricsOverride", device);
    String data =
        send(session, "Page.captureScreenshot", params("format", "png")).get("data").asText();
    return Base64.getDecoder().decode(data);
  }

  /**
   * Everything the page reported as an error so far: uncaught exceptions, {@code console.error} and
   * {@code console.assert} calls, and browser log entries at level error (CSP violations, failed
   * loads, security errors), each as one readable line.
   */
  List<String> errors(String session) {
    List<String> errors = new ArrayList<>();
    synchronized (events) {
      for (JsonNode event : events) {
        if (!session.equals(event.path("sessionId").asText())) {
          continue;
        }
        JsonNode params = event.path("params");
        switch (event.path("method").asText()) {
          case "Runtime.exceptionThrown" ->
              errors.add(
                  "uncaught: "
                      + params
                          .path("exceptionDetails")
                          .path("exception")
                          .path("description")
                          .asText(params.path("exceptionDetails").toString()));
          case "Runtime.consoleAPICalled" -> {
            String type = params.path("type").asText();
            if (type.equals("error") || type.equals("assert")) {
              errors.add("console." + type + ": " + params.path("args"));
            }
          }
          case "Log.entryAdded" -> {
            JsonNode entry = params.path("entry");
            if (entry.path("level").asText().equals("error")) {
              errors.add(
                  "log ("
                      + entry.path("source").asText()
                      + "): "
                      + entry.path("text").asText()
                      + " "
                      + entry.path("url").asText());
            }
          }
          default -> {}
        }
      }
    }
    return errors;
  }

  /** Closes the browser, kills it if it lingers, and deletes its user-data directory. */
  @Override
  public void close() {
    try {
      send(null, "Browser.close", params());
    } catch (RuntimeException | TimeoutException e) {
      // The browser may close the socket before it answers; the process check below decides.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    socket.abort();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteQuietly(userDataDir);
  }

  private JsonNode send(String session, String method, ObjectNode params)
      throws InterruptedException, TimeoutException {
    int id = nextId.getAndIncrement();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", params);
    if (session != null) {
      message.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(message.toString(), true).join();
    try {
      JsonNode answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (answer.has("error")) {
        throw new IllegalStateException(method + " failed: " + answer.get("error"));
      }
      return answer.path("result");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(method + " failed", e.getCause());
    } finally {
      pending.remove(id);
    }
  }

  private void awaitEvent(Predicate<JsonNode> wanted)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      while (events.stream().noneMatch(wanted)) {
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMillis <= 0) {
          throw new TimeoutException("no such event within " + timeout.toSeconds() + " s");
        }
        events.wait(leftMillis);
      }
    }
  }

  private static ObjectNode params(String... keyValues) {
    ObjectNode params = JSON.createObjectNode();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    return params;
  }

  private static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }

  /** Reassembles fragmented text frames; routes replies to their futures and keeps events. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        dispatch(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(reply -> reply.completeExceptionally(error));
    }

    private void dispatch(String text) {
      JsonNode message;
      try {
        message = JSON.readTree(text);
      } catch (IOException e) {
        return;
      }
      if (message.has("id")) {
        CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
        if (reply != null) {
          reply.complete(message);
        }
        return;
      }
      synchronized (events) {
        events.add(message);
        events.notifyAll();
      }
    }
  }
}

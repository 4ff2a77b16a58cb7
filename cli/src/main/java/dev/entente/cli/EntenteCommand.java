package dev.entente.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code entente} command: the top of the command line, holding the standard streams its
 * subcommands use.
 *
 * <p>Exit status, for every subcommand: 0 success; 1 the input was bad or a check failed (the
 * reasons are on stderr); 2 usage error; 3 internal error (a bug in entente, with a stack trace).
 * Text is read and written as UTF-8 whatever the platform's default charset.
 */
@Command(
    name = "entente",
    mixinStandardHelpOptions = true,
    version = "entente 0.1.0-SNAPSHOT",
    description = "Verification harness for a key-value CRDT.",
    subcommands = {
      ReplayCommand.class,
      RunCommand.class,
      DemoCommand.class,
      ReportCommand.class,
      CheckCommand.class,
      SimulateCommand.class,
      MutantsCommand.class,
      TlcCommand.class,
      ReconcileCommand.class,
      RelayCommand.class,
      NodeCommand.class,
      JepsenCommand.class,
      PeerStdioCommand.class,
      ConformCommand.class,
      CommandLine.HelpCommand.class
    })
public final class EntenteCommand implements Callable<Integer> {
  /** Exit status when the input was bad or a check failed. */
  public static final int EXIT_FAILED = 1;

  /** Exit status for a usage error (picocli's default). */
  public static final int EXIT_USAGE = 2;

  /** Exit status for an unexpected exception: a bug in entente or the code it drives. */
  public static final int EXIT_INTERNAL_ERROR = 3;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  @Spec private CommandSpec spec;

  private final Map<String, String> environment;

  private EntenteCommand(
      InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.environment = Map.copyOf(environment);
  }

  /** Runs the command line with the process's standard streams and exits with its status. */
  public static void main(String[] args) {
    PrintStream out = utf8(new FileOutputStream(FileDescriptor.out));
    PrintStream err = utf8(new FileOutputStream(FileDescriptor.err));
    System.exit(run(args, new FileInputStream(FileDescriptor.in), out, err, System.getenv()));
  }

  /**
   * Runs the command line with the given streams and returns the exit status; never calls {@link
   * System#exit}. {@code out} and {@code err} should be UTF-8 streams.
   */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, Map.of());
  }

  /** As {@link #run(String[], InputStream, PrintStream, PrintStream)}, with an environment. */
  static int run(
      String[] args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(new EntenteCommand(in, out, err, environment));
    commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          e.printStackTrace(cl.getErr());
          return EXIT_INTERNAL_ERROR;
        });
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** Without a subcommand there is nothing to do: show the usage as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_USAGE;
  }

  InputStream in() {
    return in;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** The process environment (empty in tests unless given): where a shard index may come from. */
  Map<String, String> environment() {
    return environment;
  }

  private static PrintStream utf8(FileOutputStream stream) {
    return new PrintStream(stream, true, StandardCharsets.UTF_8);
  }
}

package dev.entente.reports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Regenerates a report without the {@code entente} command line:
 *
 * <pre>{@code
 * java -cp <reports classpath> dev.entente.reports.RenderMain results.json OUT_DIR
 * }</pre>
 *
 * <p>Prints each file written on stdout. Exit status: 0 when the report was written, 1 when the
 * document is not valid (each problem on stderr with its path), 2 for a usage error or a file that
 * cannot be read or written.
 */
public final class RenderMain {
  private static final String USAGE = "usage: RenderMain <results.json> <outDir>";

  private RenderMain() {}

  /**
   * Renders {@code args[0]} into the directory {@code args[1]} and exits with the status above.
   *
   * @param args the result document and the output directory
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Does the work of {@link #main} without exiting; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2) {
      err.println(USAGE);
      return 2;
    }
    try {
      List<Path> written = Reports.render(Path.of(args[0]), Path.of(args[1]));
      for (Path file : written) {
        out.println(file);
      }
      return 0;
    } catch (InvalidReportException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot render " + args[0] + " into " + args[1] + ": " + e);
      return 2;
    }
  }
}

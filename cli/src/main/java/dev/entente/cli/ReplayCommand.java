package dev.entente.cli;

import dev.entente.histories.interchange.ChangeJson;
import dev.entente.histories.interchange.JsonLines;
import dev.entente.histories.interchange.MaterialisedJson;
import dev.entente.model.RegisterPolicy;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code entente replay}: applies a JSON Lines log of changes (see {@link ChangeJson}) to one
 * replica and prints the materialised map (see {@link MaterialisedJson}) on stdout.
 *
 * <p>Every bad line is reported on stderr as {@code line N: reason} and skipped; the good lines are
 * still applied and the map is still printed. Exit status 1 if any line was bad or any change never
 * became deliverable, 2 if the file cannot be read, else 0.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Applies changes, one JSON object per line, to a replica and prints the materialised map.",
      "Bad lines are reported on stderr as 'line N: reason' and skipped."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every line applied",
      "1:some line was bad or some change never became deliverable",
      "2:usage error or unreadable FILE",
      "3:internal error"
    })
final class ReplayCommand implements Callable<Integer> {
  @ParentCommand private EntenteCommand parent;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "POLICY",
      converter = PolicyName.class,
      completionCandidates = PolicyName.class,
      description = "Register policy: ${COMPLETION-CANDIDATES}.")
  private RegisterPolicy policy;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "JSON Lines input; stdin when absent or '-'.")
  private @Nullable String file;

  @Override
  public Integer call() {
    PrintStream err = parent.err();
    Replay replay = new Replay(policy);
    try (InputStream in = open()) {
      JsonLines lines = new JsonLines(in);
      for (JsonLines.Line line = lines.next(); line != null; line = lines.next()) {
        replay.accept(line);
      }
    } catch (IOException e) {
      err.println("entente replay: cannot read " + describeInput() + ": " + describe(e));
      return EntenteCommand.EXIT_USAGE;
    }
    replay.finish();
    List<String> problems = replay.problems();
    problems.forEach(err::println);
    parent.out().println(MaterialisedJson.write(replay.materialise(), policy));
    return problems.isEmpty() ? 0 : EntenteCommand.EXIT_FAILED;
  }

  private InputStream open() throws IOException {
    InputStream raw = readsStdin() ? parent.in() : Files.newInputStream(Path.of(file));
    return new BufferedInputStream(raw);
  }

  private boolean readsStdin() {
    return file == null || file.equals("-");
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.toString();
  }

  private String describeInput() {
    return file == null || readsStdin() ? "stdin" : file;
  }
}

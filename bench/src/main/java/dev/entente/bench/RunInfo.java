package dev.entente.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.util.Version;

/**
 * The sidecar written next to the JMH JSON: what a reader needs to judge the numbers (JDK, cores,
 * commit, mode, the command). Immutable.
 *
 * @param mode {@code quick} or {@code full}
 * @param command the arguments BenchRunner was started with
 * @param gitCommit {@code git rev-parse HEAD} in the working directory, or {@code unknown}
 * @param gitDirty {@code true}/{@code false} if tracked files differ from the commit, or {@code
 *     unknown}
 * @param stages one line per JMH run BenchRunner made, with the settings it overrode
 */
public record RunInfo(
    String mode, List<String> command, String gitCommit, String gitDirty, List<String> stages) {
  /** Version of this sidecar's layout; bump it when fields change meaning. */
  public static final int SCHEMA_VERSION = 1;

  /** Copies the lists. */
  public RunInfo {
    command = List.copyOf(command);
    stages = List.copyOf(stages);
  }

  /** The commit of the working directory's repository, or {@code unknown}. */
  static String readGitCommit() {
    String out = git("rev-parse", "HEAD");
    return out == null || out.isBlank() ? "unknown" : out.strip();
  }

  /**
   * Whether tracked files differ from HEAD ({@code git diff-index --quiet}, which reads and never
   * writes the repository), or {@code unknown}.
   */
  static String readGitDirty() {
    try {
      Process p =
          new ProcessBuilder("git", "diff-index", "--quiet", "HEAD", "--")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "unknown";
      }
      return switch (p.exitValue()) {
        case 0 -> "false";
        case 1 -> "true";
        default -> "unknown";
      };
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** Writes the sidecar, adding the machine: JDK, OS, available processors, JMH version. */
  void write(Path file) throws IOException {
    ObjectNode root = BenchJson.MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("mode", mode);
    root.set("command", BenchJson.MAPPER.valueToTree(command));
    root.put("gitCommit", gitCommit);
    root.put("gitDirty", gitDirty);
    root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    ObjectNode jdk = root.putObject("jdk");
    jdk.put("version", System.getProperty("java.version"));
    jdk.put("vendor", System.getProperty("java.vendor"));
    jdk.put("vmName", System.getProperty("java.vm.name"));
    jdk.put("vmVersion", System.getProperty("java.vm.version"));
    ObjectNode os = root.putObject("os");
    os.put("name", System.getProperty("os.name"));
    os.put("arch", System.getProperty("os.arch"));
    root.put("jmhVersion", Version.getPlainVersion());
    root.set("stages", BenchJson.MAPPER.valueToTree(stages));
    BenchJson.MAPPER.writeValue(file.toFile(), root);
  }

  /** One line describing the machine, for the console. */
  String summary() {
    return String.format(
        Locale.ROOT,
        "mode=%s jdk=%s cores=%d commit=%s dirty=%s",
        mode,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        gitCommit,
        gitDirty);
  }

  private static @Nullable String git(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}

package dev.entente.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The machine a campaign ran on: JDK, cores, OS, and the commit of the checkout (with whether
 * tracked files differed from it). Immutable.
 */
record Machine(String jdk, int cores, String os, String commit, boolean dirty) {
  /** This JVM and the git checkout at {@code root} ({@code unknown} if git cannot tell). */
  static Machine detect(Path root) {
    String commit = git(root, "rev-parse", "--short=12", "HEAD");
    String status = git(root, "status", "--porcelain", "--untracked-files=no");
    return new Machine(
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        commit == null || commit.isEmpty() ? "unknown" : commit,
        status != null && !status.isEmpty());
  }

  /** The first characters of the commit, for directory names. */
  String shortCommit() {
    return commit.length() > 7 ? commit.substring(0, 7) : commit;
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jdk", jdk);
    m.put("cores", cores);
    m.put("os", os);
    m.put("commit", commit);
    m.put("dirty", dirty);
    return m;
  }

  static Machine fromJson(com.fasterxml.jackson.databind.JsonNode n) {
    return new Machine(
        n.path("jdk").asText("unknown"),
        n.path("cores").asInt(0),
        n.path("os").asText("unknown"),
        n.path("commit").asText("unknown"),
        n.path("dirty").asBoolean(false));
  }

  /** The trimmed output of {@code git ARGS} in {@code root}, or null if it failed. */
  private static @Nullable String git(Path root, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.getErrorStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return out.toLowerCase(Locale.ROOT).equals("head") ? null : out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}

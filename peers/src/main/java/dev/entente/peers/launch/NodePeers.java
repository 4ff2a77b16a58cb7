package dev.entente.peers.launch;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the Node adapters live ({@code peers/node}, with {@code peer.js} and its pinned {@code
 * node_modules}) and the command that runs one. The directory is the system property {@code
 * entente.peers.node} if set, else the first {@code peers/node} found walking up from the working
 * directory or from this class's jar.
 */
public final class NodePeers {
  /** The set-up command that installs the Node adapters' dependencies from the lockfile. */
  public static final String SETUP = "npm ci --prefix peers/node";

  private NodePeers() {}

  /**
   * The command running adapter {@code library} ({@code yjs}, {@code loro} or {@code automerge}).
   *
   * @throws IllegalArgumentException naming the set-up command if the adapters are not installed
   */
  public static List<String> command(String library) {
    Path dir = directory();
    if (dir == null) {
      throw new IllegalArgumentException(
          "the Node peers are not found: no peers/node above the working directory (set"
              + " -Dentente.peers.node=DIR)");
    }
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      throw new IllegalArgumentException(
          "the Node peers are not installed: "
              + dir.resolve("node_modules")
              + " is missing; run `"
              + SETUP
              + "` in the repository root (bash .ci/run does)");
    }
    return List.of("node", dir.resolve("peer.js").toString(), library);
  }

  /** The adapters' directory, or null if none is found. */
  public static @Nullable Path directory() {
    String property = System.getProperty("entente.peers.node");
    if (property != null) {
      return Path.of(property).toAbsolutePath();
    }
    for (Path start : starts()) {
      for (Path p = start; p != null; p = p.getParent()) {
        Path candidate = p.resolve("peers").resolve("node");
        if (Files.isRegularFile(candidate.resolve("package.json"))) {
          return candidate;
        }
      }
    }
    return null;
  }

  private static List<Path> starts() {
    List<Path> out = new ArrayList<>();
    out.add(Path.of("").toAbsolutePath());
    try {
      File code =
          new File(NodePeers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      out.add(code.toPath().toAbsolutePath());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // No code source (an unusual class loader): the working directory is the only start.
    }
    return out;
  }
}

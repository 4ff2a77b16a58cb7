package dev.entente.peers;

import dev.entente.peers.launch.PeerSpec;
import dev.entente.peers.protocol.ProcessChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts Java mains of this module's classpath as child-process peers, for tests. */
final class PeerTestSupport {
  private PeerTestSupport() {}

  /** The command running {@code mainClass} in a child JVM with this test's classpath. */
  static List<String> javaCommand(Class<?> mainClass) {
    List<String> out = new ArrayList<>();
    out.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    out.add("-XX:TieredStopAtLevel=1");
    out.add("-Xshare:auto");
    out.add("-cp");
    out.add(System.getProperty("java.class.path"));
    out.add(mainClass.getName());
    return out;
  }

  /** A peer spec running {@code mainClass} as a child process per replica. */
  static PeerSpec javaPeer(String name, Class<?> mainClass) {
    List<String> command = javaCommand(mainClass);
    return new PeerSpec(
        name, id -> ProcessChannel.start(id, command, null, Duration.ofSeconds(30)));
  }
}

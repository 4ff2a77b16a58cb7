package dev.entente.peers.launch;

import dev.entente.peers.adapters.AutomergeReplica;
import dev.entente.peers.adapters.EntenteReplica;
import dev.entente.peers.protocol.InProcessChannel;
import dev.entente.peers.protocol.ProcessChannel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Which implementation a run puts behind the replica protocol, as {@code --peer} names it: {@code
 * entente} and {@code automerge-java} in process, {@code yjs}, {@code loro} and {@code
 * automerge-js} as Node child processes, or {@code cmd:<command line>}: any program, one process
 * per replica. Immutable.
 *
 * @param name the option value, as the replay command repeats it
 * @param launcher opens one replica
 */
public record PeerSpec(String name, PeerLauncher launcher) {
  /** The built-in peers, in the order the peers experiment runs them. */
  public static final List<String> BUILT_IN =
      List.of("entente", "automerge-java", "yjs", "automerge-js", "loro");

  /** How long a child process may take to answer one request before it is a hang. */
  public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Parses {@code --peer}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static PeerSpec parse(String value, Duration replyTimeout) {
    String v = value.trim();
    if (v.startsWith("cmd:")) {
      List<String> command = CommandLine.split(v.substring("cmd:".length()));
      return new PeerSpec(v, id -> ProcessChannel.start(id, command, null, replyTimeout));
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "entente" -> new PeerSpec("entente", id -> new InProcessChannel(new EntenteReplica()));
      case "automerge-java" ->
          new PeerSpec("automerge-java", id -> new InProcessChannel(new AutomergeReplica()));
      case "yjs" -> node("yjs", "yjs", replyTimeout);
      case "loro" -> node("loro", "loro", replyTimeout);
      case "automerge-js" -> node("automerge-js", "automerge", replyTimeout);
      default ->
          throw new IllegalArgumentException(
              "--peer " + value + ": expected one of " + BUILT_IN + " or cmd:\"<command line>\"");
    };
  }

  /** {@link #parse(String, Duration)} with the default reply timeout. */
  public static PeerSpec parse(String value) {
    return parse(value, DEFAULT_REPLY_TIMEOUT);
  }

  private static PeerSpec node(String name, String library, Duration replyTimeout) {
    List<String> command = NodePeers.command(library);
    return new PeerSpec(name, id -> ProcessChannel.start(id, command, null, replyTimeout));
  }

  /** The option as a replay command writes it. */
  public String asArgument() {
    return name.startsWith("cmd:") ? "--peer 'cmd:" + name.substring(4) + "'" : "--peer " + name;
  }
}

package dev.entente.node.replica;

import dev.entente.model.Check;
import java.nio.file.Path;

/**
 * What one node process is told on its command line. Immutable.
 *
 * @param id the replica id (also its name at the relay)
 * @param relayHost the relay's host (loopback in every use here)
 * @param relayPort the relay's port
 * @param db the SQLite file of the node's DurableReplica
 * @param controlPort the loopback port of the control API (0 picks one)
 * @param protocol the sync protocol
 * @param syncMillis the anti-entropy period
 * @param mutant a deliberately broken behaviour, {@link NodeMutant#NONE} for the real node
 */
public record NodeOptions(
    String id,
    String relayHost,
    int relayPort,
    Path db,
    int controlPort,
    Protocol protocol,
    long syncMillis,
    NodeMutant mutant) {
  /** Validates. */
  public NodeOptions {
    Check.argument(relayPort > 0 && relayPort < 65536, "relay port out of range: %d", relayPort);
    Check.argument(
        controlPort >= 0 && controlPort < 65536, "control port out of range: %d", controlPort);
    Check.argument(syncMillis >= 10, "sync period must be >= 10 ms, got %d", syncMillis);
  }

  /** Options with the default 200 ms sync period; {@code relay} is {@code HOST:PORT}. */
  public static NodeOptions of(String id, String relay, Path db, int control, String protocol) {
    String[] hp = hostPort(relay);
    return new NodeOptions(
        id, hp[0], port(hp[1]), db, control, Protocol.parse(protocol), 200, NodeMutant.NONE);
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--relay port is not a number: '" + text + "'", e);
    }
  }

  /** Parses {@code HOST:PORT}; fails naming the text. */
  public static String[] hostPort(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("--relay must be HOST:PORT, got '" + text + "'");
    }
    return new String[] {text.substring(0, colon), text.substring(colon + 1)};
  }
}

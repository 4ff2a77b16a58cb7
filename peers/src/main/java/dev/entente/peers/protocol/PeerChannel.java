package dev.entente.peers.protocol;

/**
 * One replica behind the replica protocol: a request line goes in, exactly one reply line comes
 * out. Implementations: {@link ProcessChannel} (a child process) and {@link InProcessChannel} (a
 * {@link MapReplica} in this JVM, through the same text). Not thread-safe; one caller at a time.
 */
public interface PeerChannel extends AutoCloseable {
  /**
   * Sends {@code requestLine} (one JSON object, no newline) and returns the peer's reply line.
   *
   * @throws PeerFault if the peer hangs, crashes or writes something that is not a line of JSON
   */
  String call(String requestLine) throws PeerFault;

  /** Ends the peer (the child process is destroyed); never throws. */
  @Override
  void close();
}

package dev.entente.peers.protocol;

/**
 * A {@link MapReplica} in this JVM behind the protocol's text: each request line goes through the
 * same {@link ReplicaServer} a child process would run, so an in-process run and a run over a child
 * process exchange the same lines. Mutable; one caller at a time.
 */
public final class InProcessChannel implements PeerChannel {
  private final ReplicaServer server;

  /** A channel to {@code replica}. */
  public InProcessChannel(MapReplica replica) {
    this.server = new ReplicaServer(replica);
  }

  @Override
  public String call(String requestLine) {
    return server.respond(requestLine);
  }

  /** Nothing to end. */
  @Override
  public void close() {}
}

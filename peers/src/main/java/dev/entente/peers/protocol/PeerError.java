package dev.entente.peers.protocol;

/**
 * An error a replica reports for one request, as in Maelstrom: a <em>definite</em> error certainly
 * did not take effect; an indefinite one may have. A {@link MapReplica} throws it; the protocol
 * carries it as an {@code error} reply.
 */
public final class PeerError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final boolean definite;

  /** An error with a Maelstrom code ({@link ReplicaProtocol}), definite or not, and a text. */
  public PeerError(int code, boolean definite, String text) {
    super(text);
    this.code = code;
    this.definite = definite;
  }

  /** The error code. */
  public int code() {
    return code;
  }

  /** True if the request certainly did not take effect. */
  public boolean definite() {
    return definite;
  }
}

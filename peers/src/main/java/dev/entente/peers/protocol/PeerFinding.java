package dev.entente.peers.protocol;

/**
 * Something a peer process did that the protocol does not allow: it stopped answering within the
 * bounded wait ({@link Kind#HANG}), exited or closed its output ({@link Kind#CRASH}), wrote a line
 * that is not one JSON object ({@link Kind#MALFORMED}), or wrote a well-formed reply that does not
 * answer the request ({@link Kind#PROTOCOL}). A finding ends the peer's run and is part of its
 * result, never a crash of the harness. Immutable.
 *
 * @param replica the replica the process played
 * @param request the request line that was pending
 * @param line the offending line, or a description of what was seen instead (exit code, stderr)
 */
public record PeerFinding(Kind kind, String replica, String request, String line) {
  /** What went wrong. */
  public enum Kind {
    HANG,
    CRASH,
    MALFORMED,
    PROTOCOL
  }

  /** One line: kind, replica, request and the line. */
  public String describe() {
    return kind.name().toLowerCase(java.util.Locale.ROOT)
        + " at "
        + replica
        + " after "
        + request
        + ": "
        + line;
  }
}

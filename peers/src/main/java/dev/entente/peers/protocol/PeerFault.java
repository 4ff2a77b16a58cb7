package dev.entente.peers.protocol;

/** Thrown by a {@link PeerChannel} when its peer breaks the protocol; carries the finding. */
public final class PeerFault extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient PeerFinding finding;

  /** A fault for {@code finding}. */
  public PeerFault(PeerFinding finding) {
    super(finding.describe());
    this.finding = finding;
  }

  /** What the peer did. */
  public PeerFinding finding() {
    return finding;
  }
}

package dev.entente.peers.launch;

import dev.entente.peers.protocol.PeerChannel;
import dev.entente.peers.protocol.PeerFault;

/** Opens a fresh replica of one implementation, behind the replica protocol. */
@FunctionalInterface
public interface PeerLauncher {
  /**
   * A new replica that will play {@code replica} (the id is told to it by {@code init}).
   *
   * @throws PeerFault if the replica cannot be started
   */
  PeerChannel open(String replica) throws PeerFault;
}

package dev.entente.peers.protocol;

import java.util.List;

/**
 * What a replica says about itself in {@code init_ok}: its implementation's name and version, and
 * what it supports (register policies such as {@code lww}, sync styles such as {@code state}).
 * Immutable.
 */
public record PeerInfo(String name, String version, List<String> policies, List<String> sync) {
  /** Copies the lists. */
  public PeerInfo {
    policies = List.copyOf(policies);
    sync = List.copyOf(sync);
  }

  /** {@code name version}, as results name the peer. */
  public String describe() {
    return name + " " + version;
  }
}

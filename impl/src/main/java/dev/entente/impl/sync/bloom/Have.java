package dev.entente.impl.sync.bloom;

import dev.entente.impl.sync.rbsr.SyncId;
import java.util.List;
import java.util.TreeSet;

/**
 * What a sender has: a Bloom filter of its changes since {@code lastSync}, the heads both peers
 * were last known to share (empty: the whole history). Immutable.
 *
 * @param lastSync sorted heads; the receiver only considers changes that are not among them or
 *     their ancestors
 * @param filter the sender's changes since then
 */
public record Have(List<SyncId> lastSync, BloomFilter filter) {
  /** Sorts and copies. */
  public Have {
    lastSync = List.copyOf(new TreeSet<>(lastSync));
  }
}

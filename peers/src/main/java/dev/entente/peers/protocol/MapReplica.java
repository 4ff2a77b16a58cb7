package dev.entente.peers.protocol;

import java.util.List;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * A key-value CRDT replica as the replica protocol sees it, for adapters written in Java: every
 * call carries the simulated physical time in milliseconds, and the replica must take its time from
 * there (never from a real clock) and its randomness from nowhere, so that a run is a function of
 * its requests. Sync messages are opaque bytes. Mutable; called by one thread.
 */
public interface MapReplica {
  /** Starts replica {@code replica} among {@code peers}; returns what it is and supports. */
  PeerInfo init(String replica, List<String> peers, long timeMillis) throws PeerError;

  /** Applies {@code ops} atomically as one local change. */
  void transact(List<MapOp> ops, long timeMillis) throws PeerError;

  /** The materialised map: each present key with its values (one, or siblings), sorted. */
  SortedMap<String, List<String>> state(long timeMillis) throws PeerError;

  /** The message this replica would send to {@code to}, or null if it has nothing to send. */
  byte @Nullable [] syncOut(String to, long timeMillis) throws PeerError;

  /** Applies a message {@code from} sent. */
  void syncIn(String from, byte[] message, long timeMillis) throws PeerError;
}

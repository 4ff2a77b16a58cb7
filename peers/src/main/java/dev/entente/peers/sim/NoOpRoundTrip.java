package dev.entente.peers.sim;

import dev.entente.peers.Stopwatch;
import dev.entente.peers.launch.PeerSpec;
import dev.entente.peers.protocol.PeerClient;
import dev.entente.peers.protocol.PeerError;
import dev.entente.peers.protocol.PeerFault;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The replica protocol's fixed cost per call for one peer: a fresh replica (its own process for a
 * Node or {@code cmd:} peer) is initialised with no peers and asked for its state, which is empty,
 * {@code calls} times; the median round trip is what a call costs when the peer does nothing (JSON,
 * base64, the pipes, the child process's scheduling). The peers experiment reports it apart from
 * the apply time. A measurement, never part of a trace or a verdict.
 */
public final class NoOpRoundTrip {
  /** The time the requests carry: the peer is told it and must not need it. */
  private static final long TIME_MILLIS = 1_700_000_000_000L;

  private NoOpRoundTrip() {}

  /**
   * The median round trip in nanoseconds of {@code calls} state requests to an empty replica of
   * {@code peer}, or -1 if the replica could not be started or answered with an error.
   */
  public static long medianNanos(PeerSpec peer, int calls) {
    List<Long> times = new ArrayList<>();
    try (PeerClient client = new PeerClient("A", peer.launcher().open("A"), line -> {})) {
      client.init(List.of(), TIME_MILLIS);
      for (int i = 0; i < calls; i++) {
        long start = Stopwatch.nanos();
        client.state(TIME_MILLIS);
        times.add(Stopwatch.nanos() - start);
      }
    } catch (PeerFault | PeerError e) {
      return -1;
    }
    if (times.isEmpty()) {
      return -1;
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }
}

package dev.entente.simulations.relay;

import java.util.List;

/**
 * Everything a finished relay run leaves for the checkers: the options, each client's end state,
 * the ground truth, the freshness-hearing events, the relay's bytes and counters, the trace hash.
 * Immutable.
 *
 * @param options the run's options
 * @param clients every client, honest and Byzantine, by index
 * @param truth what only the simulator knows
 * @param heard every first hearing of a hidden envelope, per client and envelope
 * @param relayBytes every byte the relay stored and forwarded, concatenated ({@code relay.bin})
 * @param storedBytes bytes the relay stored
 * @param forwardedBytes bytes the relay forwarded
 * @param storedFrames frames the relay stored
 * @param freshnessStart the round from which withhold, rollback and fork hide frames
 * @param traceHash SHA-256 over the run's trace lines: two runs of one seed agree on it
 */
public record RelayOutcome(
    RelayOptions options,
    List<ClientReport> clients,
    RelayTruth truth,
    List<Heard> heard,
    byte[] relayBytes,
    long storedBytes,
    long forwardedBytes,
    int storedFrames,
    int freshnessStart,
    String traceHash) {
  /** Copies the collections. */
  public RelayOutcome {
    clients = List.copyOf(clients);
    heard = List.copyOf(heard);
    relayBytes = relayBytes.clone();
  }

  /** The honest clients. */
  public List<ClientReport> honest() {
    return clients.stream().filter(ClientReport::honest).toList();
  }

  /** A copy of the relay's bytes. */
  @Override
  public byte[] relayBytes() {
    return relayBytes.clone();
  }
}

package dev.entente.impl.sync;

import java.util.Locale;

/**
 * What one in-memory reconciliation cost.
 *
 * @param protocol the protocol's name as the command line spells it
 * @param items the number of items both stores share
 * @param missing the number of items only one store holds
 * @param roundTrips half the number of one-way batches, rounded up; a batch that only carries
 *     changes counts too
 * @param bytes every protocol byte on the wire; the missing changes' own payloads are left out
 * @param frames the number of protocol frames sent, both ways
 */
public record ReconcileResult(
    String protocol, long items, long missing, int roundTrips, long bytes, int frames) {

  /** The result as one JSON line, keys in the order of the command's contract. */
  public String toJson() {
    return String.format(
        Locale.ROOT,
        "{\"protocol\":\"%s\",\"items\":%d,\"missing\":%d,\"roundTrips\":%d,\"bytes\":%d,"
            + "\"frames\":%d}",
        protocol,
        items,
        missing,
        roundTrips,
        bytes,
        frames);
  }

  /** Round trips for {@code batches} one-way batches. */
  static int roundTrips(int batches) {
    return (batches + 1) / 2;
  }
}

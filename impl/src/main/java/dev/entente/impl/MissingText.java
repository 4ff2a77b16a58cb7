package dev.entente.impl;

import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.Map;

/**
 * The text of {@link ApplyResult.Buffered#missing()}: per entry of a change's {@code seen} vector
 * that the replica's delivered prefix did not reach, the counters lacking, as {@code r:n} or {@code
 * r:from..to}, comma-separated in the vector's order. Stateless.
 */
final class MissingText {
  private MissingText() {}

  /**
   * The text for {@code seen} when the replica had delivered {@code prefixes[i]} of the replica of
   * seen's {@code i}-th entry.
   */
  static String of(VersionVector seen, long[] prefixes) {
    StringBuilder ranges = new StringBuilder();
    int i = 0;
    for (Map.Entry<ReplicaId, Long> e : seen.entries().entrySet()) {
      long from = prefixes[i++] + 1;
      long n = e.getValue();
      if (from <= n) {
        ranges.append(ranges.length() == 0 ? "" : ", ").append(e.getKey()).append(':');
        ranges.append(from == n ? Long.toString(n) : from + ".." + n);
      }
    }
    return ranges.toString();
  }
}
